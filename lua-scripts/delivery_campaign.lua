-- delivery_campaign.lua: count deliveries on the campaign side, each event id at most once. This
-- side decides what one event is: the first (campaign, event id) wins, and the listener side is
-- only written for events this side counted now or had counted before with the same content.
-- Events counted now with an outcome also go into the campaign's rolling engagement window.
--
-- KEYS[1]      {c:<id>}:pacing        hash; field `delivered` is incremented, field `eng` holds the
--                                     engagement window as `bucket:plays:skips` entries
-- KEYS[2..n+1] {c:<id>}:e/<event id>  dedupe markers holding the event's fingerprint, expiring
--                                     after the window
-- ARGV[1]      dedupe_ttl_seconds     how long an event id is remembered
-- ARGV[2]      bucket                 the engagement bucket now falls in
-- ARGV[3]      buckets                buckets the window keeps, the current one included
-- ARGV[4..n+3] fingerprint per event  listener and track ("<user> <track>")
-- ARGV[n+4..2n+3] outcome per event   '' not said, 'p' played on, 's' skipped
--
-- Returns { delivered_after, flag_1, ..., flag_n }: 1 = counted now, 0 = counted before (a retry),
-- -1 = the id was counted before for another listener or track (the event is refused).
-- Idempotent: a retried call counts nothing twice (its outcome included).
local ttl = tonumber(ARGV[1])
local bucket = tonumber(ARGV[2])
local keep = tonumber(ARGV[3])
local n = #KEYS - 1
local counted, plays, skips = 0, 0, 0
local flags = {}
for i = 1, n do
  local fingerprint = ARGV[3 + i]
  if redis.call('SET', KEYS[1 + i], fingerprint, 'NX', 'EX', ttl) then
    counted = counted + 1
    flags[#flags + 1] = 1
    local outcome = ARGV[3 + n + i]
    if outcome == 'p' then
      plays = plays + 1
    elseif outcome == 's' then
      plays = plays + 1
      skips = skips + 1
    end
  else
    local seen = redis.call('GET', KEYS[1 + i])
    if seen == fingerprint or seen == '1' then
      flags[#flags + 1] = 0
    else
      flags[#flags + 1] = -1
    end
  end
end
if plays > 0 then
  local entries, found = {}, false
  for b, p, s in string.gmatch(redis.call('HGET', KEYS[1], 'eng') or '', '(%-?%d+):(%d+):(%d+)') do
    b, p, s = tonumber(b), tonumber(p), tonumber(s)
    if b > bucket - keep then
      if b == bucket then
        p, s, found = p + plays, s + skips, true
      end
      entries[#entries + 1] = string.format('%d:%d:%d', b, p, s)
    end
  end
  if not found then entries[#entries + 1] = string.format('%d:%d:%d', bucket, plays, skips) end
  redis.call('HSET', KEYS[1], 'eng', table.concat(entries, ','))
end
local delivered
if counted > 0 then
  delivered = redis.call('HINCRBY', KEYS[1], 'delivered', counted)
else
  delivered = tonumber(redis.call('HGET', KEYS[1], 'delivered')) or 0
end
table.insert(flags, 1, delivered)
return flags
