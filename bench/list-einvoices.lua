-- GET /api/v1/einvoices (the document's list: page 1, 20 rows) with a Bearer token.
-- EINVOICE_QUERY adds filters, e.g. "&status=issued" or "&marketplace=trendyol&type=sale".
wrk.method = "GET"
wrk.path = "/api/v1/einvoices?per_page=20&page=1" .. (os.getenv("EINVOICE_QUERY") or "")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DESTEK_EINVOICE_TOKEN")
wrk.headers["Accept"] = "application/json"
