-- wrk script: every path in the file named by $KEYS, once, split across
-- wrk's threads, then stop (resilience.sh memory: every key cold).
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  paths = {}
  for line in io.lines(os.getenv("KEYS")) do paths[#paths + 1] = line end
  nthreads = counter
  i = id + 1 - counter
  sent = 0
  server_errors = 0
end
function request()
  i = i + nthreads
  if i > #paths then
    wrk.thread:stop()
    i = 1
  else
    sent = sent + 1
  end
  return wrk.format(nil, paths[i])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local total, errors = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("sent")
    errors = errors + t:get("server_errors")
  end
  io.write(string.format("keys sent: %d, 5xx: %d\n", total, errors))
end
