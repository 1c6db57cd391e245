-- wrk script: /guide, with 1 request in 50 a 404 (a favicon probe).
local n = 0
request = function()
  n = n + 1
  if n % 50 == 0 then
    return wrk.format(nil, "/apple-touch-icon.png")
  end
  return wrk.format(nil, "/guide")
end
