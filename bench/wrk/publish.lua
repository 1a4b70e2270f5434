-- POST /v0.1/publish with a new version on every request. Each thread publishes to its own set of servers in a
-- namespace mapped to the publisher's team (io.bench.publish/wrk-PHASE-tN-K), cycling through them, so each
-- request is a new, higher semver version of a server that exists after the first round: schema validation, the
-- gate, latest bookkeeping and the audit event all run.
--
--   BENCH_PUBLISH_TEMPLATES  file with server.json templates, one a line, with __NAME__, __HOST__, __VERSION__
--   BENCH_PHASE              distinguishes the warm-up's servers from the measured run's (default m)
--   BENCH_PUBLISH_SERVERS    servers per thread (default 50)
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local templates
local servers
local phase
local sent = 0

function setup(thread) bench.setup(thread) end

function init(args)
  bench.init()
  templates = bench.lines(bench.env("BENCH_PUBLISH_TEMPLATES"))
  servers = tonumber(bench.env("BENCH_PUBLISH_SERVERS", "50"))
  phase = bench.env("BENCH_PHASE", "m")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local k = sent % servers
  local round = math.floor(sent / servers)
  sent = sent + 1
  local name = "wrk-" .. phase .. "-t" .. thread_id .. "-" .. k
  local body = templates[k % #templates + 1]
    :gsub("__NAME__", name)
    :gsub("__HOST__", name .. ".publish.bench.invalid")
    :gsub("__VERSION__", "1." .. round .. ".0")
  return wrk.format("POST", "/v0.1/publish", nil, body)
end

function response(status, headers, body)
  bench.count_status(status)
end

done = bench.done
