-- wrk script: each connection walks a TAXII collection page by page, following the "next" token
-- of each answer (as a poller does), and starts again from the first page at the end.
--   wrk -t2 -c2 -d30s -s bench/taxii-walk.lua -H "Authorization: Bearer $TOKEN" \
--       "http://127.0.0.1:8080/taxii2/api/collections/$COLLECTION/objects/?limit=1000"
-- Only the start of each body is looked at, so the client spends little of the CPU it shares
-- with the server. Prints pages served and how many full walks were completed.

local first
local path
-- globals, so that done() can read each thread's counts
pages = 0
walks = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  first = wrk.path
  path = first
  wrk.headers["Accept"] = "application/taxii+json;version=2.1"
end

function request()
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then
    error("HTTP " .. status .. ": " .. string.sub(body, 1, 300))
  end
  pages = pages + 1
  local next = string.match(string.sub(body, 1, 300), '^{"more":true,"next":"([^"]+)"')
  if next then
    path = first .. "&next=" .. next
  else
    path = first
    walks = walks + 1
  end
end

function done(summary, latency, requests)
  local p, w = 0, 0
  for _, t in ipairs(threads) do
    p = p + t:get("pages")
    w = w + t:get("walks")
  end
  io.write(string.format("pages %d, full walks %d, %.1f pages/s\n", p, w,
    p / (summary.duration / 1e6)))
end
