-- GET /v0.1/servers?limit=30&search=TERM: the first page of a search for a random term that hits.
--
--   BENCH_SEARCH_TERMS  file with one search term a line
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local paths

function setup(thread) bench.setup(thread) end

function init(args)
  bench.init()
  paths = {}
  for _, term in ipairs(bench.lines(bench.env("BENCH_SEARCH_TERMS"))) do
    paths[#paths + 1] = "/v0.1/servers?limit=30&search=" .. bench.urlencode(term)
  end
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end

done = bench.done
