-- Helpers shared by the benchmark's wrk scripts. Each wrk thread runs its own copy of a script; setup() and done()
-- run in the main Lua state and reach the threads through thread:get/set.
--
-- Environment read by every script:
--   BENCH_TOKEN_FILE  file holding the bearer token sent with every request
--   BENCH_SCENARIO    name printed in the result line
local M = {}

local threads = {}

function M.env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    if default ~= nil then return default end
    error(name .. " is not set")
  end
  return value
end

function M.lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  if #lines == 0 then error(path .. " has no lines") end
  return lines
end

function M.urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- JSON string contents as found between quotes: the escapes a serializer may use in a name or version.
function M.unescape(text)
  text = text:gsub("\\u(%x%x%x%x)", function(h)
    local n = tonumber(h, 16)
    if n < 128 then return string.char(n) end
    return nil
  end)
  return (text:gsub("\\(.)", { ["/"] = "/", ["\\"] = "\\", ['"'] = '"' }))
end

-- Called from each script's setup(): numbers the threads and keeps them for done().
function M.setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_id", #threads)
end

-- Called from each script's init(): the token, the status counters, a per-thread random seed.
function M.init()
  local file = assert(io.open(M.env("BENCH_TOKEN_FILE"), "r"))
  local token = file:read("*l")
  file:close()
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  statuses = {}
  counters = {}
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

function M.count_status(status)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function M.count(name)
  counters[name] = (counters[name] or 0) + 1
end

local function json_object(values)
  local keys = {}
  for key in pairs(values) do keys[#keys + 1] = key end
  table.sort(keys)
  local parts = {}
  for _, key in ipairs(keys) do
    parts[#parts + 1] = string.format('"%s":%d', key, values[key])
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function merged(name)
  local total = {}
  for _, thread in ipairs(threads) do
    local values = thread:get(name)
    if type(values) == "table" then
      for key, count in pairs(values) do total[key] = (total[key] or 0) + count end
    end
  end
  return total
end

-- done(): one line, "BENCH_RESULT {json}", with wrk's latency distribution in milliseconds.
function M.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local function ms(us) return us / 1000.0 end
  io.write(string.format(
    'BENCH_RESULT {"scenario":"%s","requests":%d,"durationSeconds":%.3f,"requestsPerSecond":%.1f,"bytes":%d,'
      .. '"latencyMs":{"mean":%.3f,"stdev":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f},'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},"statuses":%s,"counters":%s}\n',
    os.getenv("BENCH_SCENARIO") or "unnamed", summary.requests, seconds, summary.requests / seconds, summary.bytes,
    ms(latency.mean), ms(latency.stdev), ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency:percentile(99.9)), ms(latency.max),
    e.connect, e.read, e.write, e.timeout, e.status, json_object(merged("statuses")), json_object(merged("counters"))))
end

return M
