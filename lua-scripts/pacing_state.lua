-- pacing_state.lua: read a campaign's pacing state at score time and, once per slot, recompute
-- its pass rate (the first caller of a slot does it; the slot number guards against repeats).
--
-- KEYS[1]  {c:<id>}:pacing   hash: delivered, p (pass rate), slot, slot_delivered
-- ARGV[1]  now_ms           the caller's clock, ms since epoch
-- ARGV[2]  slot_ms          controller period
-- ARGV[3]  budget           campaign budget (deliveries)
-- ARGV[4]  mode             even | front_loaded | asap
-- ARGV[5]  start_ms         flight start
-- ARGV[6]  end_ms           flight end
-- ARGV[7..30] optional      24 traffic weights, one per UTC hour: an even plan then advances with
--                           the profile's cumulative weight instead of with time
--
-- Returns { delivered, pass_rate (string), planned_now (string) }.
--
-- Controller: planned(t) = budget * F(t). At a new slot it aims the slot's expected deliveries at
-- what the plan needs by the end of the slot: p = need / demand, where demand (deliveries per slot
-- at p = 1) is estimated from the last slot's deliveries divided by the pass rate they were served
-- at, smoothed. Without an estimate it falls back to the multiplicative rule.
local key = KEYS[1]
local now = tonumber(ARGV[1])
local slot_ms = tonumber(ARGV[2])
local budget = tonumber(ARGV[3])
local mode = ARGV[4]
local start_ms = tonumber(ARGV[5])
local end_ms = tonumber(ARGV[6])

local profile = nil
if #ARGV >= 30 then
  profile = {}
  for h = 0, 23 do profile[h] = tonumber(ARGV[7 + h]) end
end

-- cumulative profile weight (weight-hours) from the epoch to t
local function weight(t)
  local hour_ms, day_ms = 3600000, 86400000
  local per_day = 0
  for h = 0, 23 do per_day = per_day + profile[h] end
  local days = math.floor(t / day_ms)
  local rem = t - days * day_ms
  local hour = math.floor(rem / hour_ms)
  local acc = days * per_day
  for h = 0, hour - 1 do acc = acc + profile[h] end
  return acc + profile[hour] * (rem - hour * hour_ms) / hour_ms
end

local function fraction(t)
  if t <= start_ms then return 0 end
  if t >= end_ms then return 1 end
  if mode == 'even' and profile ~= nil then
    local total = weight(end_ms) - weight(start_ms)
    if total > 0 then return (weight(t) - weight(start_ms)) / total end
  end
  local x = (t - start_ms) / (end_ms - start_ms)
  if mode == 'front_loaded' then return 1 - (1 - x) * (1 - x) end
  return x
end

local state = redis.call('HMGET', key, 'delivered', 'p', 'slot', 'slot_delivered', 'demand')
local delivered = tonumber(state[1]) or 0
local p = tonumber(state[2])
local slot = tonumber(state[3])
local slot_delivered = tonumber(state[4]) or 0
local demand = tonumber(state[5])
local current = math.floor(now / slot_ms)

if mode == 'asap' then
  p = 1
elseif p == nil then
  p = 1
  redis.call('HSET', key, 'p', p, 'slot', current, 'slot_delivered', delivered)
elseif slot == nil or current > slot then
  local served = delivered - slot_delivered
  local slots_elapsed = current - (slot or current - 1)
  if slots_elapsed < 1 then slots_elapsed = 1 end
  if p > 0 and served > 0 then
    local observed = served / p / slots_elapsed
    if demand == nil then demand = observed else demand = 0.5 * demand + 0.5 * observed end
  end
  local slot_end = (current + 1) * slot_ms
  local need = budget * fraction(slot_end) - delivered
  if need <= 0 then
    p = 0
  elseif demand ~= nil and demand > 0 then
    p = need / demand
  else
    -- no demand estimate yet: the published multiplicative rule
    p = math.max(p * 1.5, 0.01)
  end
  if p > 1 then p = 1 end
  if p < 0 then p = 0 end
  if demand ~= nil then
    redis.call('HSET', key, 'p', tostring(p), 'slot', current, 'slot_delivered', delivered,
      'demand', tostring(demand))
  else
    redis.call('HSET', key, 'p', tostring(p), 'slot', current, 'slot_delivered', delivered)
  end
end

local planned
if mode == 'asap' then planned = budget else planned = budget * fraction(now) end
return { delivered, tostring(p), tostring(planned) }
