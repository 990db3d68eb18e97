-- campaign_put.lua: create or replace a campaign config atomically, refusing a track that is
-- already owned by another campaign that has not ended.
--
-- KEYS[1]  {cfg}:campaigns    hash: campaign id -> config JSON
-- KEYS[2]  {cfg}:enrollment   hash: track id -> owning campaign id
-- KEYS[3]  {cfg}:ends         hash: campaign id -> flight end (ms since epoch)
-- KEYS[4]  {cfg}:version      counter bumped on every change
-- ARGV[1]  campaign id
-- ARGV[2]  config JSON (must contain "tracks")
-- ARGV[3]  now_ms
-- ARGV[4]  end_ms of this campaign
-- ARGV[5..] the campaign's tracks
--
-- Returns { 1, version } on success, { 0, other_campaign, track } on a conflict.
local id = ARGV[1]
local now = tonumber(ARGV[3])

for i = 5, #ARGV do
  local owner = redis.call('HGET', KEYS[2], ARGV[i])
  if owner and owner ~= id then
    local owner_end = tonumber(redis.call('HGET', KEYS[3], owner))
    if owner_end and owner_end > now then
      return { 0, owner, ARGV[i] }
    end
  end
end

local previous = redis.call('HGET', KEYS[1], id)
if previous then
  local old = cjson.decode(previous)
  for _, track in ipairs(old['tracks'] or {}) do
    if redis.call('HGET', KEYS[2], track) == id then
      redis.call('HDEL', KEYS[2], track)
    end
  end
end

for i = 5, #ARGV do
  redis.call('HSET', KEYS[2], ARGV[i], id)
end
redis.call('HSET', KEYS[1], id, ARGV[2])
redis.call('HSET', KEYS[3], id, ARGV[4])
local version = redis.call('INCR', KEYS[4])
return { 1, version }
