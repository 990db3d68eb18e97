-- delivery_campaign.lua: count deliveries on the campaign side, each event id at most once. This
-- side decides what one event is: the first (campaign, event id) wins, and the listener side is
-- only written for events this side counted now or had counted before with the same content.
--
-- KEYS[1]      {c:<id>}:pacing        hash; field `delivered` is incremented
-- KEYS[2..n+1] {c:<id>}:e/<event id>  dedupe markers holding the event's fingerprint, expiring
--                                     after the window
-- ARGV[1]      dedupe_ttl_seconds     how long an event id is remembered
-- ARGV[2..n+1] fingerprint per event  listener and track ("<user> <track>")
--
-- Returns { delivered_after, flag_1, ..., flag_n }: 1 = counted now, 0 = counted before (a retry),
-- -1 = the id was counted before for another listener or track (the event is refused).
-- Idempotent: a retried call counts nothing twice.
local ttl = tonumber(ARGV[1])
local counted = 0
local flags = {}
for i = 2, #KEYS do
  local fingerprint = ARGV[i]
  if redis.call('SET', KEYS[i], fingerprint, 'NX', 'EX', ttl) then
    counted = counted + 1
    flags[#flags + 1] = 1
  else
    local seen = redis.call('GET', KEYS[i])
    if seen == fingerprint or seen == '1' then
      flags[#flags + 1] = 0
    else
      flags[#flags + 1] = -1
    end
  end
end
local delivered
if counted > 0 then
  delivered = redis.call('HINCRBY', KEYS[1], 'delivered', counted)
else
  delivered = tonumber(redis.call('HGET', KEYS[1], 'delivered')) or 0
end
table.insert(flags, 1, delivered)
return flags
