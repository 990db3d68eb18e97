-- campaign_delete.lua: remove a campaign config and release its tracks.
--
-- KEYS[1]  {cfg}:campaigns    hash: campaign id -> config JSON
-- KEYS[2]  {cfg}:enrollment   hash: track id -> owning campaign id
-- KEYS[3]  {cfg}:ends         hash: campaign id -> flight end (ms since epoch)
-- KEYS[4]  {cfg}:version      counter bumped on every change
-- ARGV[1]  campaign id
--
-- Returns 1 when the campaign existed, 0 otherwise.
local id = ARGV[1]
local previous = redis.call('HGET', KEYS[1], id)
if not previous then
  return 0
end
local old = cjson.decode(previous)
for _, track in ipairs(old['tracks'] or {}) do
  if redis.call('HGET', KEYS[2], track) == id then
    redis.call('HDEL', KEYS[2], track)
  end
end
redis.call('HDEL', KEYS[1], id)
redis.call('HDEL', KEYS[3], id)
redis.call('INCR', KEYS[4])
return 1
