-- wrk script: monthly-progress PUTs, the REST workload's dominant change, spread over the first FIRMS firms.
-- usage: wrk -s scripts/wrk-put.lua URL -- PATH_PREFIX FIRMS [TOKEN]
--   product:      wrk … -s scripts/wrk-put.lua http://127.0.0.1:5097 -- api 2000 "$TOKEN"
--   bare Kestrel: wrk … -s scripts/wrk-put.lua http://127.0.0.1:5096 -- bare 2000
local counter = 0
local prefix, firms, token
local thread_seed = 0

function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end

function init(args)
  prefix = args[1] or "api"
  firms = tonumber(args[2] or "2000")
  token = args[3]
  math.randomseed(os.time() + (seed or 0))
  counter = (seed or 0) * 10000000
end

function request()
  counter = counter + 1
  local firm = math.random(0, firms - 1)
  local path
  if prefix == "bare" then
    path = string.format("/bare/lt-%06d/2022-08", firm)
  else
    path = string.format("/api/enterprises/lt-%06d/projects/p1/progress/2022-08", firm)
  end
  local headers = { ["Content-Type"] = "application/json" }
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("PUT", path, headers, string.format('{"invested":%d}', counter))
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
