-- delivery_campaign.lua: count deliveries on the campaign side, each event id at most once.
--
-- KEYS[1]      {c:<id>}:pacing        hash; field `delivered` is incremented
-- KEYS[2..n+1] {c:<id>}:e:<event id>  dedupe markers, one per event, expiring after the window
-- ARGV[1]      dedupe_ttl_seconds     how long an event id is remembered
--
-- Returns { delivered_after, flag_1, ..., flag_n }: flag 1 = counted now, 0 = seen before.
-- Idempotent: a retried call counts nothing twice.
local ttl = tonumber(ARGV[1])
local counted = 0
local flags = {}
for i = 2, #KEYS do
  if redis.call('SET', KEYS[i], 1, 'NX', 'EX', ttl) then
    counted = counted + 1
    flags[#flags + 1] = 1
  else
    flags[#flags + 1] = 0
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
