-- POST /api/external/tickets with the API client's headers (from the environment).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("DESTEK_API_KEY")
wrk.headers["X-API-Secret"] = os.getenv("DESTEK_API_SECRET")

local counter = 0
local thread_tag = ""

function setup(thread)
  thread:set("tag", tostring(math.random(100000, 999999)))
end

function init(args)
  thread_tag = tag or "t"
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"title":"Benchmark talebi %s-%d","description":"wrk ile oluşturulan yük testi talebi.","priority":"high","external_ref":"BENCH-%s-%d","requester_name":"Yük Testi","requester_email":"yuk@ornek.com.tr"}',
    thread_tag, counter, thread_tag, counter)
  return wrk.format(nil, "/api/external/tickets", nil, body)
end
