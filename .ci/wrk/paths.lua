-- wrk script: cycles through the paths in a file (one a line), given after
-- "--": wrk ... -s .ci/wrk/paths.lua URL -- FILE. Each thread starts at
-- its own place, so that every request is for a different path. Counts
-- the answers by status.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  n = id * 7919
  counts = {}
end
function request()
  n = n + 1
  return wrk.format(nil, paths[(n % #paths) + 1])
end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, c in pairs(t:get("counts")) do total[status] = (total[status] or 0) + c end
  end
  local out = {}
  for status, c in pairs(total) do out[#out + 1] = string.format("%d × %d", c, status) end
  table.sort(out)
  io.write("answers: " .. table.concat(out, ", ") .. "\n")
end
