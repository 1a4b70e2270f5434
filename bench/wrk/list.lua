-- Pages through GET /v0.1/servers?limit=30 the way a client or mirror does: every response's metadata.nextCursor
-- is the next request's cursor; a chain that reaches the last page starts again from the first. Each connection
-- in flight carries one chain.
--
--   BENCH_LIST_QUERY  extra query parameters, e.g. "&version=latest" (optional)
--   BENCH_SINCE       comma-separated RFC 3339 timestamps: adds updated_since, one timestamp per wrk thread (optional)
--   BENCH_PAGE_SIZE   limit (default 30)
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local base
local cursors = {}
local first, last = 1, 0

function setup(thread) bench.setup(thread) end

function init(args)
  bench.init()
  base = "/v0.1/servers?limit=" .. bench.env("BENCH_PAGE_SIZE", "30") .. bench.env("BENCH_LIST_QUERY", "")
  local since = os.getenv("BENCH_SINCE")
  if since and since ~= "" then
    local stamps = {}
    for stamp in since:gmatch("[^,]+") do stamps[#stamps + 1] = stamp end
    base = base .. "&updated_since=" .. bench.urlencode(stamps[(thread_id - 1) % #stamps + 1])
  end
end

function request()
  if first <= last then
    local cursor = cursors[first]
    cursors[first] = nil
    first = first + 1
    bench.count("next_pages")
    return wrk.format(nil, base .. "&cursor=" .. bench.urlencode(cursor))
  end
  bench.count("first_pages")
  return wrk.format(nil, base)
end

local function next_cursor(body)
  -- metadata comes after the servers: look at the end first
  local cursor = body:sub(-1200):match('"nextCursor"%s*:%s*"([^"]*)"')
  if cursor == nil and #body > 1200 then
    cursor = body:match('"metadata"%s*:%s*{[^}]*"nextCursor"%s*:%s*"([^"]*)"')
  end
  return cursor
end

function response(status, headers, body)
  bench.count_status(status)
  if status ~= 200 then return end
  local cursor = next_cursor(body)
  if cursor then
    last = last + 1
    cursors[last] = bench.unescape(cursor)
  else
    bench.count("chains_completed")
  end
end

done = bench.done
