-- wrk script: POST /v1/scores with varied bodies, pre-built in init() so wrk spends no time on
-- them while measuring. Arguments: tracks batch dist [seed]
--   tracks  number of demo tracks (t0..t{tracks-1})
--   batch   candidates per request
--   dist    uniform | skewed (Zipf-like popularity, s = 1.1)
local bodies = {}
local n = 0
local i = 0

local function zipf_sampler(count, s)
  -- inverse CDF over a truncated harmonic series, precomputed on 4096 ranks, then spread
  local ranks = 4096
  local cdf = {}
  local total = 0
  for r = 1, ranks do total = total + 1 / (r ^ s) end
  local acc = 0
  for r = 1, ranks do acc = acc + (1 / (r ^ s)) / total; cdf[r] = acc end
  return function()
    local u = math.random()
    local lo, hi = 1, ranks
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if cdf[mid] < u then lo = mid + 1 else hi = mid end
    end
    -- rank r maps to a fixed popular track, spread over the catalogue
    return ((lo - 1) * 7919) % count
  end
end

function init(args)
  local tracks = tonumber(args[1] or "1000000")
  local batch = tonumber(args[2] or "100")
  local dist = args[3] or "uniform"
  math.randomseed(tonumber(args[4] or "42") + (wrk.thread and 0 or 0))
  local pick
  if dist == "skewed" then
    pick = zipf_sampler(tracks, 1.1)
  else
    pick = function() return math.random(0, tracks - 1) end
  end
  for b = 1, 512 do
    local ids = {}
    for c = 1, batch do ids[c] = '"t' .. pick() .. '"' end
    bodies[b] = '{"user":"u-' .. math.random(1, 1000000) .. '","surface":"autoplay","market":"SE",'
      .. '"segment":"s' .. math.random(0, 7) .. '","candidates":[' .. table.concat(ids, ",") .. ']}'
  end
  n = #bodies
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i % n + 1
  return wrk.format(nil, "/v1/scores", nil, bodies[i])
end

-- with a per-request delay wrk runs at a fixed rate: connections * 1000 / delay_ms (minus latency)
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if delay_ms > 0 then
  function delay() return delay_ms end
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
