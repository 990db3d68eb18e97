-- delivery_user.lua: count deliveries on the listener side (frequency caps), each event once.
--
-- KEYS[1..n]     {u:<id>}:e/<campaign>/<event id>  dedupe markers, one per event
-- KEYS[n+1..2n]  {u:<id>}:f/<campaign>/<window>    the listener's counter for the event's campaign in
--                the current cap window (the caller computes the window from its clock)
-- ARGV[1]        dedupe_ttl_seconds
-- ARGV[2..n+1]   window_seconds per event: the cap window; 0 = campaign uncapped (no counter)
--
-- A counter lives for two windows, long enough to be read for the whole of its own window.
-- Returns { flag_1, ..., flag_n }: 1 = counted now, 0 = seen before.
local n = #KEYS / 2
local ttl = tonumber(ARGV[1])
local flags = {}
for i = 1, n do
  if redis.call('SET', KEYS[i], 1, 'NX', 'EX', ttl) then
    local window = tonumber(ARGV[i + 1])
    if window > 0 then
      local count = redis.call('INCR', KEYS[n + i])
      if count == 1 then
        redis.call('EXPIRE', KEYS[n + i], 2 * window)
      end
    end
    flags[i] = 1
  else
    flags[i] = 0
  end
end
return flags
