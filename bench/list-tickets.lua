-- GET /api/external/tickets (first page, 20 rows) with the API client's headers.
wrk.method = "GET"
wrk.path = "/api/external/tickets?page=1&per_page=20"
wrk.headers["X-API-Key"] = os.getenv("DESTEK_API_KEY")
wrk.headers["X-API-Secret"] = os.getenv("DESTEK_API_SECRET")
