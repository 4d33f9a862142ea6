-- POST /v1/invoices with the organization key (DESTEK_ORG_KEY) and a fresh X-Idempotency-Key per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("DESTEK_ORG_KEY")

local counter = 0
local thread_tag = ""
local body = '{"customer":{"name":"Yük Testi Ltd. Şti.","vkn":"1234567890","email":"yuk@ornek.com.tr","address":"Atatürk Cad. 1, İstanbul"},' ..
  '"items":[{"sku":"KLV-01","name":"Klavye","quantity":2,"unit_price":450,"vat_rate":20,"discount_amount":50},{"name":"Kargo","quantity":1,"unit_price":49.9,"vat_rate":20}],' ..
  '"currency":"TRY","marketplace":"trendyol","marketplace_order_no":"TY-BENCH"}'

function setup(thread)
  thread:set("tag", tostring(math.random(100000, 999999)))
end

function init(args)
  thread_tag = tag or "t"
end

function request()
  counter = counter + 1
  -- wrk.format uses the table given instead of wrk.headers, so it carries them all.
  local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = wrk.headers["X-Api-Key"], ["X-Idempotency-Key"] = "bench-" .. thread_tag .. "-" .. counter }
  return wrk.format(nil, "/v1/invoices", headers, body)
end
