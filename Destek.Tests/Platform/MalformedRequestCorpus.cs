using Destek.Core.Data;
using Destek.Core.ExternalApi;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Destek.Tests.ExternalApi;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Destek.Tests.SupportForm;

namespace Destek.Tests.Platform;

/// <summary>
/// Issue 7's corpus: several hundred malformed requests, generated from templates, against the
/// /destek form, the support form API and the external API. None may answer 5xx, and every error
/// under /api must be JSON carrying code and requestId.
/// </summary>
public sealed partial class MalformedRequestCorpus(DestekAppFactory app) : IClassFixture<DestekAppFactory>
{
    private const int MinimumCorpusSize = 500;

    /// <summary>One request of the corpus: a label for the failure message, the client, and how to build it.</summary>
    private sealed record Probe(string Label, HttpClient Client, Func<HttpRequestMessage> Build);

    /// <summary>Values that are wrong for some field in some way: types, sizes, encodings, injections.</summary>
    private static readonly string[] BadJsonValues =
    [
        "null", "0", "-1", "1.5", "1e309", "-1e309", "99999999999999999999999", "true", "false", "[]", "{}", "[1,2]",
        "{\"a\":{\"b\":{}}}", "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"critical\"", "\"1\"",
        "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "\"" + new string('x', 70_000) + "\"",
        "\"İıŞşĞğ\"", "\"\\t\\n\\r\"",
    ];

    /// <summary>Bodies that are not a JSON object one can read, as text.</summary>
    private static readonly string[] BrokenJsonTexts =
    [
        "", " ", "{", "}", "[", "]", "null", "true", "1", "\"text\"", "[1,2,3]", "{\"title\":}", "{'title':'x'}",
        "{\"title\":\"t\",}", "{}x", "{\"title\" \"t\"}", "{\"title\":\"t\"", "{\"title\":\"\\u00\"}", "{\"title\":\"\\x41\"}",
        "{\"title\":NaN}", "{\"title\":Infinity}", "{\"title\":undefined}", "{\"a\":1}{\"b\":2}", "\uFEFF{}", "{\"\\ud800\":1}",
        "{\"title\":\"\\ud800\\u0041\"}", "/* yorum */ {}", "{\"title\":\"t\" // yorum\n}", new string('[', 5_000) + new string(']', 5_000),
        string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200),
    ];

    /// <summary>Bodies whose bytes are not UTF-8.</summary>
    private static readonly byte[][] BrokenJsonBytes =
    [
        [.. "{\"title\":\""u8, 0xC3, 0x28, .. "\",\"description\":\"d\",\"content\":\"c\"}"u8],
        [.. "{\"title\":\""u8, 0xFF, 0xFE, .. "\",\"description\":\"d\"}"u8],
        [.. "{\"title\":\""u8, 0xC0, 0xAF, .. "\"}"u8],
        [.. "{\"title\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8],
        [.. "{\""u8, 0xF8, 0x88, 0x80, 0x80, 0x80, .. "\":1}"u8],
        [0xFF, 0xFE, .. "{}"u8],
        [.. "{\"title\":\"t\",\"description\":\""u8, 0x80, .. "\",\"content\":\""u8, 0x80, .. "\"}"u8],
    ];

    private static readonly string[] BadQueryValues =
        ["", "-1", "0", "abc", "1.5", "1e10", "2147483648", "99999999999999999999", "%00", "%ZZ", "%EF%BC%91", "' OR 1=1", "[]", "null", "9999", "2026-13-45", "2026-02-30T25:61:00Z"];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

    [Fact]
    public async Task NoMalformedRequestGetsA5xxAndApiErrorsAreJsonWithCodeAndRequestId()
    {
        var client = await app.Services.GetRequiredService<ApiClientAdmin>().CreateAsync("Korpus " + Guid.NewGuid().ToString("N")[..6], [], 1_000_000);
        var external = app.CreateClient();
        external.DefaultRequestHeaders.Add("X-API-Key", client.ApiKey);
        external.DefaultRequestHeaders.Add("X-API-Secret", client.ApiSecret);
        var created = await ExternalApiFactory.CreateTicketAsync(external, new { title = "Korpus talebi", description = "d", external_ref = "KORPUS/1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticketId = (await ExternalApiFactory.JsonAsync(created)).GetProperty("id").GetInt32();
        var anonymous = app.CreateClient();
        var noAuth = app.CreateClient();
        var admin = await SupportFormKit.SignedInClientAsync(app, DemoSeeder.AdminEmail);
        var agent = await SupportFormKit.SignedInClientAsync(app, DemoSeeder.AgentEmail);
        var supportTicket = await SupportFormKit.CreateTicketAsync(app);
        var supportId = (await SupportFormKit.TicketAsync(app, supportTicket)).Id;
        var formClient = app.CreateClient();
        formClient.DefaultRequestHeaders.Add("X-Forwarded-For", SupportFormKit.NewIp());
        var formToken = AntiforgeryToken().Match(await formClient.GetStringAsync(new Uri("/destek", UriKind.Relative))).Groups[1].Value;
        Assert.NotEmpty(formToken);

        var probes = new List<Probe>();
        AddExternalProbes(probes, external, noAuth, client, ticketId);
        AddSupportApiProbes(probes, anonymous, admin, agent, supportId);
        AddFormProbes(probes, formClient, formToken);
        AddPathAndMethodProbes(probes, external, admin, anonymous);
        Assert.True(probes.Count >= MinimumCorpusSize, $"the corpus has only {probes.Count} requests");

        var failures = new List<string>();
        foreach (var probe in probes)
        {
            if (await CheckAsync(probe) is { } failure)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Null when the answer is acceptable, else why not.</summary>
    private static async Task<string?> CheckAsync(Probe probe)
    {
        HttpRequestMessage request;
        HttpResponseMessage response;
        try
        {
            request = probe.Build();
            response = await probe.Client.SendAsync(request);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ArgumentException or IOException or FormatException)
        {
            return $"{probe.Label}: no answer ({ex.GetType().Name}: {ex.Message})";
        }

        using var sent = request;
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = request.Method == HttpMethod.Head ? "" : await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return $"{probe.Label}: {status} {Shorten(text)}";
            }

            if (status < 400 || !path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || request.Method == HttpMethod.Head)
            {
                return null;
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return $"{probe.Label}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"} {Shorten(text)}";
            }

            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                var hasCode = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String;
                var hasRequestId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("requestId", out var id) && id.GetString() is { Length: > 0 };
                return hasCode && hasRequestId ? null : $"{probe.Label}: {status} without code/requestId {Shorten(text)}";
            }
            catch (JsonException)
            {
                return $"{probe.Label}: {status} not JSON {Shorten(text)}";
            }
        }
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private static ByteArrayContent Bytes(byte[] bytes, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    private static ByteArrayContent Text(string text, string? contentType = "application/json") => Bytes(Encoding.UTF8.GetBytes(text), contentType);

    private static Func<HttpRequestMessage> Request(string method, string path, Func<HttpContent?>? content = null, Action<HttpRequestMessage>? headers = null) => () =>
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = content?.Invoke() };
        headers?.Invoke(request);
        return request;
    };

    /// <summary>An anonymous request from its own address, so the per-IP creation limit does not end the corpus early.</summary>
    private static Action<HttpRequestMessage> OwnIp(Action<HttpRequestMessage>? more = null) => request =>
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", SupportFormKit.NewIp());
        more?.Invoke(request);
    };

    /// <summary>A valid JSON object with one field replaced by a raw JSON value.</summary>
    private static string With(IReadOnlyDictionary<string, string> valid, string field, string rawValue)
    {
        var fields = valid.Where(f => f.Key != field).Select(f => $"{JsonSerializer.Serialize(f.Key)}:{JsonSerializer.Serialize(f.Value)}")
            .Append($"{JsonSerializer.Serialize(field)}:{rawValue}");
        return "{" + string.Join(",", fields) + "}";
    }

    private static void AddExternalProbes(List<Probe> probes, HttpClient external, HttpClient noAuth, CreatedApiClient client, int ticketId)
    {
        var valid = new Dictionary<string, string> { ["title"] = "Korpus", ["description"] = "Açıklama" };
        string[] createFields = ["title", "description", "priority", "department_id", "external_ref", "requester_email", "requester_name", "is_private", "teos_id", "citizenship_no"];
        foreach (var field in createFields)
        {
            foreach (var value in BadJsonValues)
            {
                probes.Add(new($"external create {field}={Shorten(value)}", external, Request("POST", "/api/external/tickets", () => Text(With(valid, field, value)))));
            }
        }

        var comments = $"/api/external/tickets/{ticketId}/comments";
        foreach (var value in BadJsonValues)
        {
            probes.Add(new($"external comment content={Shorten(value)}", external, Request("POST", comments, () => Text("{\"content\":" + value + "}"))));
        }

        foreach (var (path, label) in new[] { ("/api/external/tickets", "create"), (comments, "comment") })
        {
            foreach (var text in BrokenJsonTexts)
            {
                probes.Add(new($"external {label} broken JSON {Shorten(text)}", external, Request("POST", path, () => Text(text))));
            }

            foreach (var bytes in BrokenJsonBytes)
            {
                probes.Add(new($"external {label} non-UTF-8 bytes", external, Request("POST", path, () => Bytes(bytes))));
            }

            foreach (var contentType in new[] { null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "application/jsonx", "text/json", "application/json; charset=utf-16", "application/json; charset=latin1", "application/octet-stream" })
            {
                probes.Add(new($"external {label} content type {contentType ?? "none"}", external, Request("POST", path, () => Text("{\"title\":\"t\",\"description\":\"d\",\"content\":\"c\"}", contentType))));
            }

            // Oversize, with and without a length, with and without an idempotency key.
            probes.Add(new($"external {label} 2 MiB body", external, Request("POST", path, () => Text("{\"title\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"))));
            probes.Add(new($"external {label} 2 MiB chunked body", external, Request("POST", path, () => new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024])) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                r => r.Headers.TransferEncodingChunked = true)));
            probes.Add(new($"external {label} 9 MiB chunked body with Idempotency-Key", external, Request("POST", path, () => new StreamContent(new MemoryStream(new byte[9 * 1024 * 1024])) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                r => { r.Headers.TransferEncodingChunked = true; r.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()); })));
            foreach (var key in new[] { new string('k', 256), new string('k', 4000), "ğüşiöç", " ", "\t" })
            {
                probes.Add(new($"external {label} Idempotency-Key {Shorten(key)}", external, Request("POST", path, () => Text("{\"title\":\"t\",\"description\":\"d\",\"content\":\"c\"}"),
                    r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key))));
            }
        }

        foreach (var name in new[] { "page", "per_page", "status", "external_ref" })
        {
            foreach (var value in BadQueryValues)
            {
                probes.Add(new($"external list {name}={value}", external, Request("GET", $"/api/external/tickets?{name}={value}")));
            }
        }

        foreach (var id in new[] { "-1", "0", "2147483648", "abc", "1.5", "1e3", "%20", "%2F", "..", "%2E%2E", new string('9', 300), "１" })
        {
            probes.Add(new($"external detail {id}", external, Request("GET", $"/api/external/tickets/{id}")));
            probes.Add(new($"external comments of {id}", external, Request("GET", $"/api/external/tickets/{id}/comments")));
            probes.Add(new($"external comment on {id}", external, Request("POST", $"/api/external/tickets/{id}/comments", () => Text("{\"content\":\"c\"}"))));
        }

        // No %00 in paths: the server refuses an encoded NUL in the request line before the app sees it.
        foreach (var reference in new[] { "", "%2F", "%2F%2F", "a%2Fb", "%25", "%ZZ", "%C3%28", "%ED%A0%80", "..%2F..%2Fetc", new string('r', 2000), "KORPUS%2F1", "a/b/c", "%20%20" })
        {
            probes.Add(new($"external by-ref {Shorten(reference)}", external, Request("GET", "/api/external/tickets/by-ref/" + reference)));
        }

        // Credentials that are missing, wrong, huge or odd: always a JSON 401, never anything from the store.
        var headerCases = new (string Label, Action<HttpRequestMessage> Set)[]
        {
            ("no credentials", _ => { }),
            ("key only", r => r.Headers.Add("X-API-Key", client.ApiKey)),
            ("secret only", r => r.Headers.Add("X-API-Secret", client.ApiSecret)),
            ("wrong secret", r => { r.Headers.Add("X-API-Key", client.ApiKey); r.Headers.Add("X-API-Secret", "x"); }),
            ("huge key", r => { r.Headers.Add("X-API-Key", new string('a', 6000)); r.Headers.Add("X-API-Secret", "x"); }),
            ("non-ASCII key", r => { r.Headers.TryAddWithoutValidation("X-API-Key", "anahtarğüş"); r.Headers.Add("X-API-Secret", "x"); }),
            ("two keys", r => { r.Headers.Add("X-API-Key", [client.ApiKey, client.ApiKey]); r.Headers.Add("X-API-Secret", client.ApiSecret); }),
            ("empty key and secret", r => { r.Headers.TryAddWithoutValidation("X-API-Key", ""); r.Headers.TryAddWithoutValidation("X-API-Secret", ""); }),
            ("bearer instead", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.ApiSecret)),
            ("key and replayed idempotency key", r => { r.Headers.Add("X-API-Key", client.ApiKey); r.Headers.Add("Idempotency-Key", "korpus-anahtari"); }),
        };
        foreach (var (label, set) in headerCases)
        {
            probes.Add(new($"external list with {label}", noAuth, Request("GET", "/api/external/tickets", headers: set)));
            probes.Add(new($"external create with {label}", noAuth, Request("POST", "/api/external/tickets", () => Text("{\"title\":\"t\",\"description\":\"d\"}"), set)));
            probes.Add(new($"external comment with {label}", noAuth, Request("POST", comments, () => Text("{\"content\":\"c\"}"), set)));
        }
    }

    private static void AddSupportApiProbes(List<Probe> probes, HttpClient anonymous, HttpClient admin, HttpClient agent, int supportId)
    {
        var valid = SupportFormKit.ValidFields();
        string[] fields = ["name", "email", "phone", "subject", "message", "attachment"];
        foreach (var field in fields)
        {
            foreach (var value in BadJsonValues)
            {
                probes.Add(new($"support create {field}={Shorten(value)}", anonymous, Request("POST", "/api/support/tickets/", () => Text(With(valid, field, value)), OwnIp())));
            }
        }

        foreach (var text in BrokenJsonTexts)
        {
            probes.Add(new($"support create broken JSON {Shorten(text)}", anonymous, Request("POST", "/api/support/tickets/", () => Text(text), OwnIp())));
        }

        foreach (var bytes in BrokenJsonBytes)
        {
            probes.Add(new("support create non-UTF-8 bytes", anonymous, Request("POST", "/api/support/tickets/", () => Bytes(bytes), OwnIp())));
        }

        foreach (var contentType in new[] { "text/plain", "application/xml", "application/jsonx", "image/png", "multipart/mixed", "application/json; charset=utf-16" })
        {
            probes.Add(new($"support create content type {contentType}", anonymous, Request("POST", "/api/support/tickets/", () => Text("{}", contentType), OwnIp())));
        }

        // Multipart and form bodies that are broken in their framing or their files.
        foreach (var (label, body) in MultipartCases(valid))
        {
            probes.Add(new($"support create multipart {label}", anonymous, Request("POST", "/api/support/tickets/", body, OwnIp())));
        }

        foreach (var (label, form) in new (string, string)[]
        {
            ("bad escapes", "name=%ZZ&email=%&subject=%%"),
            ("only separators", "&&&&=&="),
            ("no values", "name&email&subject&message"),
            ("value over the limit", "name=" + new string('a', 70_000)),
            ("too many values", string.Join("&", Enumerable.Range(0, 300).Select(i => $"f{i}=x"))),
            ("repeated field", string.Join("&", Enumerable.Repeat("name=Ahmet", 50))),
            ("null bytes", "name=%00%00&email=a%00@example.com&subject=Di%C4%9Fer&message=%00%00%00%00%00%00%00%00%00%00%00"),
            ("lone surrogate escape", "name=%ED%A0%80&email=a@example.com&subject=Di%C4%9Fer&message=Yeterince+uzun+bir+mesaj"),
        })
        {
            probes.Add(new($"support create form {label}", anonymous, Request("POST", "/api/support/tickets/", () => Text(form, "application/x-www-form-urlencoded"), OwnIp())));
        }

        // Staff list parameters.
        foreach (var name in new[] { "status", "subject", "assigned_to", "created_at__gte", "created_at__lte", "search", "page", "page_size" })
        {
            foreach (var value in BadQueryValues)
            {
                probes.Add(new($"support list {name}={value}", admin, Request("GET", $"/api/support/tickets/?{name}={value}")));
            }
        }

        // Staff actions and the admin's update, with bad bodies.
        foreach (var value in BadJsonValues.Where((_, i) => i % 2 == 0))
        {
            probes.Add(new($"support update_status {Shorten(value)}", admin, Request("PATCH", $"/api/support/tickets/{supportId}/update_status/", () => Text("{\"status\":" + value + "}"))));
            probes.Add(new($"support assign {Shorten(value)}", admin, Request("PATCH", $"/api/support/tickets/{supportId}/assign/", () => Text("{\"assigned_to\":" + value + "}"))));
        }

        foreach (var field in new[] { "name", "email", "phone", "subject", "message", "status", "assigned_to", "notes", "id", "ticket_number" })
        {
            foreach (var value in new[] { "null", "[]", "{}", "\"\\ud800\"", "-1", "\"" + new string('x', 3000) + "\"" })
            {
                probes.Add(new($"support PATCH {field}={Shorten(value)}", admin, Request("PATCH", $"/api/support/tickets/{supportId}/", () => Text("{" + JsonSerializer.Serialize(field) + ":" + value + "}"))));
            }
        }

        foreach (var text in BrokenJsonTexts.Take(12))
        {
            probes.Add(new($"support PUT broken JSON {Shorten(text)}", admin, Request("PUT", $"/api/support/tickets/{supportId}/", () => Text(text))));
        }

        foreach (var method in new[] { "PUT", "PATCH", "DELETE" })
        {
            probes.Add(new($"support {method} by an agent", agent, Request(method, $"/api/support/tickets/{supportId}/", () => Text("{\"name\":\"Ajan Deneme\"}"))));
            probes.Add(new($"support {method} anonymously", anonymous, Request(method, $"/api/support/tickets/{supportId}/", () => Text("{\"name\":\"Anonim\"}"), OwnIp())));
            probes.Add(new($"support {method} of a missing ticket", admin, Request(method, "/api/support/tickets/2000000000/", () => Text("{\"name\":\"Yok\"}"))));
        }
    }

    private static IEnumerable<(string Label, Func<HttpContent?> Body)> MultipartCases(Dictionary<string, string> valid)
    {
        MultipartFormDataContent Fields()
        {
            var content = new MultipartFormDataContent();
            foreach (var (key, value) in valid)
            {
                content.Add(new StringContent(value, Encoding.UTF8), key);
            }

            return content;
        }

        HttpContent WithFile(string fileName, string contentType, byte[] bytes, string field = "attachment")
        {
            var content = Fields();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            content.Add(file, field, fileName);
            return content;
        }

        HttpContent Raw(string contentType, string body) => Text(body, contentType);

        yield return ("no boundary", () => Raw("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAhmet\r\n--x--"));
        yield return ("wrong boundary", () => Raw("multipart/form-data; boundary=yyy", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAhmet\r\n--x--"));
        yield return ("cut off", () => Raw("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAhm"));
        yield return ("no disposition", () => Raw("multipart/form-data; boundary=x", "--x\r\n\r\nAhmet\r\n--x--"));
        yield return ("huge boundary", () => Raw("multipart/form-data; boundary=" + new string('b', 200), "--x--"));
        yield return ("empty", () => Raw("multipart/form-data; boundary=x", ""));
        yield return ("two attachments", () =>
        {
            var content = (MultipartFormDataContent)WithFile("a.pdf", "application/pdf", SupportFormKit.Pdf());
            content.Add(new ByteArrayContent(SupportFormKit.Pdf()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "attachment", "b.pdf");
            return content;
        });
        yield return ("file in a text field", () => WithFile("a.pdf", "application/pdf", SupportFormKit.Pdf(), "name"));
        yield return ("empty file", () => WithFile("a.pdf", "application/pdf", []));
        yield return ("executable as pdf", () => WithFile("a.pdf", "application/pdf", SupportFormKit.Executable()));
        yield return ("exe", () => WithFile("a.exe", "application/x-msdownload", SupportFormKit.Executable()));
        yield return ("path traversal name", () => WithFile("../../../../etc/passwd.pdf", "application/pdf", SupportFormKit.Pdf()));
        yield return ("empty file name", () => Raw("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n"));
        yield return ("unparsable part type", () => Raw("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf; charset=\"\r\n\r\n%PDF-1.4\r\n--x--\r\n"));
        yield return ("file over 6 MB", () => WithFile("a.pdf", "application/pdf", [.. SupportFormKit.Pdf(), .. new byte[6 * 1024 * 1024]]));
        yield return ("attachment as text", () =>
        {
            var content = Fields();
            content.Add(new StringContent("not a file"), "attachment");
            return content;
        });
    }

    private static void AddFormProbes(List<Probe> probes, HttpClient form, string token)
    {
        Dictionary<string, string> Fields(string? tokenValue = null) => new()
        {
            ["_handler"] = "destek",
            ["__RequestVerificationToken"] = tokenValue ?? token,
            ["Input.Name"] = "Form Deneme",
            ["Input.Email"] = "form@example.com",
            ["Input.Subject"] = "Diğer",
            ["Input.Message"] = "Yeterince uzun bir form mesajı.",
        };

        HttpContent Multipart(Dictionary<string, string> fields, params (string FileName, string Type, byte[] Bytes)[] files)
        {
            var content = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                content.Add(new StringContent(value, Encoding.UTF8), key);
            }

            foreach (var (fileName, type, bytes) in files)
            {
                content.Add(new ByteArrayContent(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(type) } }, "attachment", fileName);
            }

            return content;
        }

        Dictionary<string, string> Replace(string key, string value)
        {
            var fields = Fields();
            fields[key] = value;
            return fields;
        }

        var cases = new List<(string Label, Func<HttpContent?> Body)>
        {
            ("no token", () => Multipart(Fields(""))),
            ("bad token", () => Multipart(Fields("sahte"))),
            ("unknown handler", () => Multipart(Replace("_handler", "baska"))),
            ("no handler", () => { var f = Fields(); f.Remove("_handler"); return Multipart(f); }),
            ("two files", () => Multipart(Fields(), ("a.pdf", "application/pdf", SupportFormKit.Pdf()), ("b.pdf", "application/pdf", SupportFormKit.Pdf()))),
            ("five files", () => Multipart(Fields(), Enumerable.Range(0, 5).Select(i => ($"{i}.png", "image/png", SupportFormKit.Png())).ToArray())),
            ("lying file", () => Multipart(Fields(), ("a.pdf", "application/pdf", SupportFormKit.Executable()))),
            ("file over 6 MB", () => Multipart(Fields(), ("a.pdf", "application/pdf", [.. SupportFormKit.Pdf(), .. new byte[6 * 1024 * 1024]]))),
            ("no body", () => null),
            ("form-urlencoded", () => new FormUrlEncodedContent(Fields())),
            ("JSON", () => Text("{\"Input.Name\":\"x\"}")),
            ("text", () => Text("Input.Name=x", "text/plain")),
            ("broken multipart", () => Text("--x\r\nContent-Disposition: form-data; name=\"Input.Name\"\r\n\r\nAhm", "multipart/form-data; boundary=x")),
        };
        foreach (var field in new[] { "Input.Name", "Input.Email", "Input.Phone", "Input.Subject", "Input.Message" })
        {
            foreach (var value in new[] { "", new string('x', 100_000), "\0\0\0", "<script>alert(1)</script>", "İıŞşĞğ \uD83D\uDE00" })
            {
                cases.Add(($"{field}={Shorten(value)}", () => Multipart(Replace(field, value))));
            }
        }

        foreach (var (label, body) in cases)
        {
            probes.Add(new($"/destek {label}", form, Request("POST", "/destek", body, OwnIp())));
        }

        foreach (var query in new[] { "?x=%ZZ", "?Input.Name=" + new string('a', 3000), "?_handler=destek" })
        {
            probes.Add(new($"/destek GET {Shorten(query)}", form, Request("GET", "/destek" + query)));
        }
    }

    private static void AddPathAndMethodProbes(List<Probe> probes, HttpClient external, HttpClient admin, HttpClient anonymous)
    {
        string[] externalPaths = ["/api/external/tickets", "/api/external/tickets/1", "/api/external/tickets/1/comments", "/api/external/tickets/by-ref/x", "/api/external"];
        string[] supportPaths = ["/api/support/tickets/", "/api/support/tickets/1/", "/api/support/tickets/1/update_status/", "/api/support/tickets/1/assign/", "/api/support/tickets"];
        foreach (var method in Methods)
        {
            foreach (var path in externalPaths)
            {
                probes.Add(new($"{method} {path}", external, Request(method, path, method is "GET" or "OPTIONS" or "TRACE" ? null : () => Text("{}"))));
            }

            foreach (var path in supportPaths)
            {
                probes.Add(new($"{method} {path} as admin", admin, Request(method, path, method is "GET" or "OPTIONS" or "TRACE" ? null : () => Text("{}"))));
            }
        }

        string[] oddPaths =
        [
            "/api", "/api/", "/api/x", "/api/v1", "/api/v1/einvoices", "/api/user/support/tickets", "/api/external/", "/api/external/nothing",
            "/api/external/tickets/1/comments/2", "/api/external/tickets//1", "/api/support", "/api/support/", "/api/support/tickets/1/x/",
            "/api/support/tickets/abc/", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/external/..%2F..%2Fetc", "/api/" + new string('p', 4000),
            "/api/ğüşiöç", "/api/%ZZ", "/api/%C3%28", "/api/external/tickets/1;jsessionid=x", "/api/external/tickets?page=1&page=2&page=x",
        ];
        foreach (var path in oddPaths)
        {
            probes.Add(new($"GET {Shorten(path)} anonymously", anonymous, Request("GET", path)));
            probes.Add(new($"POST {Shorten(path)} as client", external, Request("POST", path, () => Text("{}"))));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
