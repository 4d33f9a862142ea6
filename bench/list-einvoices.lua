-- GET /api/v1/einvoices (the document's list: page 1, 20 rows) with a Bearer token.
-- EINVOICE_QUERY replaces "&page=1", e.g. "&page=50" or "&status=issued&marketplace=trendyol".
wrk.method = "GET"
wrk.path = "/api/v1/einvoices?per_page=20" .. (os.getenv("EINVOICE_QUERY") or "&page=1")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DESTEK_EINVOICE_TOKEN")
wrk.headers["Accept"] = "application/json"
