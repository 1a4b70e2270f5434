-- GET /v0.1/servers/{name}/versions/{version} for random real pairs (URL-encoded) from the generated set.
--
--   BENCH_GET_PATHS  file with one request path a line
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local paths

function setup(thread) bench.setup(thread) end

function init(args)
  bench.init()
  paths = bench.lines(bench.env("BENCH_GET_PATHS"))
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end

done = bench.done
