-- pacing_refresh.lua: one instance's pacing report for one campaign, the controller step when a
-- slot begins, and a lease of promotions. The same math as PacingController.java (tested with the
-- same inputs); read its Javadoc for the reasoning. Called only by the background refresher, never
-- on a scoring request and never by a read.
--
-- KEYS[1]  {c:<id>}:pacing  hash: delivered and eng (written by delivery_campaign.lua), promoted,
--                           attempts, p, slot, allow, granted, carry, p_mark, a_mark, t_mark,
--                           demand, ring, rev, status, base, base_t, frozen
-- ARGV[1]  now_ms           the instance's clock
-- ARGV[2]  slot_ms          controller period
-- ARGV[3]  budget           deliveries
-- ARGV[4]  mode             even | front_loaded | asap
-- ARGV[5]  start_ms, ARGV[6] end_ms   the flight
-- ARGV[7]  status           active | paused
-- ARGV[8]  revision         changes whenever budget, mode, flight, profile or status change
-- ARGV[9]  settle_steps     steps after which a promotion has delivered or never will
-- ARGV[10] attempts         eligible attempts this instance saw since its last report
-- ARGV[11] promoted         promotions this instance made since its last report
-- ARGV[12] rate             this instance's eligible attempts per second, which sizes its lease
--                           to its share of the slot; negative = not known yet (it gets a quarter
--                           of what the slot has left)
-- ARGV[13] returned         unused lease this instance gave up since its last report
-- KEYS[2]  {c:<id>}:history  list: one entry per slot, appended when a slot's step runs:
--                           "at_ms,delivered,promoted,planned,p,demand,allow" (demand empty while
--                           unknown), oldest first
-- ARGV[14] history_slots    most entries kept
-- ARGV[15] history_age_ms   entries older than this are dropped; the list expires this long after
--                           its last entry
-- ARGV[16..39] optional     24 traffic weights, one per UTC hour
-- then, always the last two (ARGV[16..17] without traffic weights, ARGV[40..41] with them):
-- ARGV[n-1] eng_bucket      the engagement bucket now falls in
-- ARGV[n]   eng_buckets     buckets in the engagement window, the current one included
--
-- `frozen` is '' while the campaign is not paused. `eng` is only read: the rated plays and skips
-- of its entries inside the window are returned with the lease (EngagementWindow.java).
--
-- Returns { p (string), slot, grant, exhausted (0|1), delivered, planned_now (string),
--           committed (string), slot_spent (0|1: nothing left to lease before the next slot),
--           plays, skips }.
local P_INIT, RAMP, CATCH_UP, HEADROOM, SMOOTHING, LEASE_MARGIN = 0.05, 4, 2, 1.2, 0.6, 1.05
local MIN_LEASE = 2
local RHO_PRIOR, RHO_MIN = 4, 0.05

local key = KEYS[1]
local now = tonumber(ARGV[1])
local slot_ms = tonumber(ARGV[2])
local budget = tonumber(ARGV[3])
local mode = ARGV[4]
local start_ms = tonumber(ARGV[5])
local end_ms = tonumber(ARGV[6])
local paused = ARGV[7] == 'paused'
local rev = ARGV[8]
local settle = tonumber(ARGV[9])
local in_attempts = tonumber(ARGV[10])
local in_promoted = tonumber(ARGV[11])
local rate = tonumber(ARGV[12])
local returned = tonumber(ARGV[13])
local history_key = KEYS[2]
local history_slots = tonumber(ARGV[14])
local history_age = tonumber(ARGV[15])
local eng_bucket = tonumber(ARGV[#ARGV - 1])
local eng_buckets = tonumber(ARGV[#ARGV])

local profile = nil
if #ARGV >= 41 then
  profile = {}
  for h = 0, 23 do profile[h] = tonumber(ARGV[16 + h]) end
end

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
  if mode == 'asap' or t >= end_ms then return 1 end
  if t <= start_ms then return 0 end
  local x = (t - start_ms) / (end_ms - start_ms)
  if profile ~= nil then
    local total = weight(end_ms) - weight(start_ms)
    if total > 0 then x = (weight(t) - weight(start_ms)) / total end
  end
  if mode == 'front_loaded' then return 1 - (1 - x) * (1 - x) end
  return x
end

local F = { 'delivered', 'promoted', 'attempts', 'p', 'slot', 'allow', 'granted', 'p_mark', 'a_mark',
  't_mark', 'demand', 'ring', 'rev', 'status', 'base', 'base_t', 'frozen', 'carry', 'eng' }
local v = redis.call('HMGET', key, unpack(F))
local r = {
  delivered = tonumber(v[1]) or 0, promoted = tonumber(v[2]) or 0, attempts = tonumber(v[3]) or 0,
  p = tonumber(v[4]), slot = tonumber(v[5]) or -1, allow = tonumber(v[6]) or 0,
  granted = tonumber(v[7]) or 0, p_mark = tonumber(v[8]) or 0, a_mark = tonumber(v[9]) or 0,
  t_mark = tonumber(v[10]) or -1, demand = tonumber(v[11]), ring = v[12] or '', rev = v[13],
  status = v[14], base = tonumber(v[15]) or 0, base_t = tonumber(v[16]) or -1,
  frozen = tonumber(v[17] or ''), carry = tonumber(v[18]) or 0
}
if r.rev == false then r.rev = nil end
if r.status == false then r.status = nil end

local function planned(t)
  if mode == 'asap' then return budget end
  if r.frozen ~= nil then return r.frozen end
  if r.base_t < 0 then return budget * fraction(t) end
  if t >= end_ms then return math.max(r.base, budget) end
  if t <= r.base_t then return r.base end
  local f0 = fraction(r.base_t)
  if f0 >= 1 then return math.max(r.base, budget) end
  return r.base + math.max(0, budget - r.base) * (fraction(t) - f0) / (1 - f0)
end

-- the ring of promoted marks, parsed once per call
local marks = {}
for part in string.gmatch(r.ring, '[^,]+') do marks[#marks + 1] = part end

local function rho()
  local settled = 0
  if #marks >= settle + 1 then settled = tonumber(marks[1]) end
  -- a prior of RHO_PRIOR promotions that all delivered, its weight shrinking as promotions settle
  local prior = (RHO_PRIOR * RHO_PRIOR) / (settled + RHO_PRIOR)
  return math.max(RHO_MIN, math.min(1, (r.delivered + prior) / (settled + prior)))
end

local function push_ring(mark)
  marks[#marks + 1] = tostring(mark)
  while #marks > settle + 1 do table.remove(marks, 1) end
  r.ring = table.concat(marks, ',')
end

-- how long ago the promotions now delivered had been made: the time since promoted reached
-- delivered, read from the ring's marks (the newest pushed in slot k, one per slot before it) and
-- the promotions reported since; 0 when all delivered, at most the ring's span. Used only while
-- rho is 1 (see PacingController.lagMs).
local function lag_ms(k)
  local owed = r.delivered
  if owed >= r.promoted then return 0 end
  local later, later_ms = r.promoted, now
  for i = #marks, 1, -1 do
    local mark = tonumber(marks[i])
    local mark_ms = (k - (#marks - i)) * slot_ms
    if mark <= owed then
      local at = mark_ms + (later_ms - mark_ms) * (owed - mark) / (later - mark)
      return math.max(0, now - at)
    end
    later, later_ms = mark, mark_ms
  end
  return math.max(0, now - later_ms)
end

local function revise()
  if rev == r.rev then return false end
  local fresh = r.rev == nil
  local was_paused = r.status == 'paused'
  r.rev = rev
  if paused then r.status = 'paused' else r.status = 'active' end
  if paused then
    if not was_paused then
      r.frozen = nil
      r.frozen = planned(now)
    end
    return true
  end
  r.frozen = nil
  if now <= start_ms then
    r.base = 0
    r.base_t = -1
  else
    if fresh then r.base = 0 else r.base = math.max(r.delivered, rho() * r.promoted) end
    r.base_t = now
  end
  return true
end

local function step(k, new_slot)
  if r.t_mark >= 0 and now - r.t_mark >= slot_ms / 4 then
    local observed = (r.attempts - r.a_mark) * slot_ms / (now - r.t_mark)
    if r.demand == nil then r.demand = observed
    else r.demand = (1 - SMOOTHING) * r.demand + SMOOTHING * observed end
    r.a_mark = r.attempts
    r.t_mark = now
  elseif r.t_mark < 0 then
    r.a_mark = r.attempts
    r.t_mark = now
  end
  if new_slot then
    push_ring(r.promoted)
    local unspent = math.max(0, r.granted - (r.promoted - r.p_mark))
    r.carry = math.min(unspent, math.max(0, r.granted - r.carry))
    r.granted = r.carry
    r.p_mark = r.promoted
    r.slot = k
  end
  local rh = rho()
  local committed = math.max(r.delivered, rh * r.promoted)
  local p, allow
  if paused or now < start_ms or now >= end_ms or committed >= budget then
    p, allow = 0, 0
  elseif mode == 'asap' then
    p = 1
    allow = math.ceil((budget - committed) / rh)
  else
    -- promotions aim at the plan one play lag ahead, so that their plays land on it; the
    -- catch-up bound stays the slot's own share of the plan
    local lead = 0
    if rh >= 1 then lead = math.floor(lag_ms(k) + 0.5) end
    local slot_end = (k + 1) * slot_ms
    local due = planned(slot_end + lead)
    local share = planned(slot_end) - planned(now)
    local target = math.max(0, math.min(due - committed, CATCH_UP * share))
    target = math.min(target, budget - committed)
    allow = math.ceil(target / rh)
    local aim
    if allow <= 0 then aim = 0
    elseif r.demand == nil then aim = P_INIT
    elseif r.demand <= 0 then aim = 1
    else aim = HEADROOM * allow / r.demand end
    local old = r.p or 0
    p = math.max(0, math.min(1, math.min(aim, math.max(old * RAMP, P_INIT))))
  end
  r.p = p
  r.allow = allow
end

r.attempts = r.attempts + in_attempts
r.promoted = r.promoted + in_promoted
r.granted = math.max(0, r.granted - returned)
local force = revise()
local k = math.floor(now / slot_ms)
local new_slot = r.slot < 0 or k > r.slot
local early = r.demand == nil and r.t_mark >= 0 and now - r.t_mark >= slot_ms / 4
if new_slot or force or early then step(k, new_slot) end

local rh = rho()
local committed = math.max(r.delivered, rh * r.promoted)
local outstanding = math.max(0, r.granted - (r.promoted - r.p_mark))
local room = math.floor((budget - committed) / rh) - outstanding
local want
if rate < 0 then
  want = math.max(MIN_LEASE, math.ceil((r.allow - r.granted) / 4))
else
  local left = (math.floor(now / slot_ms) + 1) * slot_ms - now
  local share = 1 / HEADROOM
  if r.demand ~= nil and r.demand > 0 and r.p ~= nil and r.p > 0 then share = r.allow / (r.p * r.demand) end
  share = math.max(1 / HEADROOM, math.min(2, share))
  want = math.max(MIN_LEASE, math.ceil(rate * (r.p or 0) * left / 1000 * share * LEASE_MARGIN) + 1)
end
local grant = math.max(0, math.min(want, math.min(r.allow - r.granted, room)))
r.granted = r.granted + grant

local out = { 'promoted', r.promoted, 'attempts', r.attempts, 'slot', r.slot, 'allow', r.allow,
  'granted', r.granted, 'carry', r.carry, 'p_mark', r.p_mark, 'a_mark', r.a_mark, 't_mark', r.t_mark, 'ring', r.ring,
  'rev', r.rev, 'status', r.status, 'base', tostring(r.base), 'base_t', r.base_t }
if r.p ~= nil then out[#out + 1] = 'p'; out[#out + 1] = tostring(r.p) end
if r.demand ~= nil then out[#out + 1] = 'demand'; out[#out + 1] = tostring(r.demand) end
out[#out + 1] = 'frozen'
if r.frozen ~= nil then out[#out + 1] = tostring(r.frozen) else out[#out + 1] = '' end
redis.call('HSET', key, unpack(out))

-- the slot's history entry: once per slot, with what the step just set
if new_slot then
  local demand = ''
  if r.demand ~= nil then demand = string.format('%.3f', r.demand) end
  redis.call('RPUSH', history_key, string.format('%.0f,%.0f,%.0f,%.3f,%.6g,%s,%.0f', now,
    r.delivered, r.promoted, planned(now), r.p or 0, demand, r.allow))
  redis.call('LTRIM', history_key, -history_slots, -1)
  local oldest = now - history_age
  local head = redis.call('LINDEX', history_key, 0)
  while head and tonumber(string.match(head, '^[^,]*')) < oldest do
    redis.call('LPOP', history_key)
    head = redis.call('LINDEX', history_key, 0)
  end
  redis.call('PEXPIRE', history_key, history_age)
end

local exhausted = 0
if committed >= budget then exhausted = 1 end
local spent = 0
if r.allow - r.granted <= 0 or room - grant <= 0 then spent = 1 end
local plays, skips = 0, 0
for b, p, s in string.gmatch(v[19] or '', '(%-?%d+):(%d+):(%d+)') do
  if tonumber(b) > eng_bucket - eng_buckets then
    plays, skips = plays + tonumber(p), skips + tonumber(s)
  end
end
return { tostring(r.p or 0), r.slot, grant, exhausted, r.delivered, tostring(planned(now)),
  tostring(committed), spent, plays, skips }
