-- wrk script for the soak: pages, results, form posts (422, then 429),
-- 404s, a 400 and a trailing-slash redirect; counts 5xx answers.
local paths = {
  "/guide", "/", "/compare", "/faq", "/faq/who-gets-paid-more", "/guide/skills",
  "/which-role/result?goal=new-product&problems=over-budget&customer_facing=yes&complexity=several-teams",
  "/which-role/result?goal=direction&customer_facing=no&complexity=single-team",
  "/which-role/result?goal=bogus", "/no-such-page", "/guide/", "/static/nope.css",
}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = 0; server_errors = 0 end
function request()
  n = n + 1
  if n % 40 == 0 then
    return wrk.format("POST", "/which-role", {["Content-Type"] = "application/x-www-form-urlencoded"}, "goal=nope")
  end
  return wrk.format(nil, paths[(n % #paths) + 1])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("server_errors") end
  io.write(string.format("5xx: %d\n", total))
end
