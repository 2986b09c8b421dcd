-- wrk script: POST /api/v2/alerts with ALERTS alerts per request (env ALERTS, default 1), each
-- a distinct label set drawn from a pool of DISTINCT alerts (env DISTINCT, default 5000), as a
-- fleet of Prometheus servers resending its firing alerts would: the first pass opens alerts, later
-- passes refresh them. Both servers get byte-for-byte the same kind of body.
local alerts = tonumber(os.getenv("ALERTS") or "1")
local distinct = tonumber(os.getenv("DISTINCT") or "5000")
local token = os.getenv("TOKEN")
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = id * 7919
  wrk.method = "POST"
  wrk.path = "/api/v2/alerts"
  wrk.headers["Content-Type"] = "application/json"
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

local function alert(n)
  local i = n % distinct
  return string.format(
    '{"labels":{"alertname":"BenchAlert%d","instance":"host-%d:9100","job":"node","severity":"%s"},'
      .. '"annotations":{"summary":"Bench alert %d on host-%d","description":"Synthetic load for bench/intake"},'
      .. '"generatorURL":"http://prometheus.example:9090/graph?g0.expr=up%%3D%%3D0"}',
    i % 20, i, (i % 3 == 0) and "critical" or "warning", i % 20, i)
end

function request()
  local parts = {}
  for k = 1, alerts do
    counter = counter + 1
    parts[k] = alert(counter)
  end
  return wrk.format(nil, nil, nil, "[" .. table.concat(parts, ",") .. "]")
end
