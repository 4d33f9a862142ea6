using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Destek.Core.Access;
using Destek.Tests.Account;
using Destek.Tests.CustomerApi;
using Destek.Tests.EInvoiceApi;
using Destek.Tests.ExternalApi;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.OpenApi;

/// <summary>
/// Each document's examples sent to the live API: every operation, in the order a client would call them,
/// with the example body, query values and (where the example's id cannot exist here) the live ids. The
/// answer's status must be one the document lists and its body must validate against that status's schema,
/// and the headers every answer is documented with must be there.
/// </summary>
public sealed class OpenApiExamplesLive
{
    /// <summary>No operation of the document went unsent.</summary>
    private static void AssertAllSent(JsonNode document, params string[][] orders) =>
        Assert.Equal(OpenApiKit.Operations(document).Select(o => (string)o.Operation["operationId"]!).Order(StringComparer.Ordinal),
            orders.SelectMany(o => o).Order(StringComparer.Ordinal));

    /// <summary>Sends every operation of <paramref name="document"/> in <paramref name="order"/> (operationIds: all of them).</summary>
    private static async Task RunAsync(HttpClient http, JsonNode document, string[] order, Func<string, Task<Dictionary<string, string>>> pathValues,
        Func<string, JsonNode?, JsonNode?>? bodyOf = null, IReadOnlySet<string>? mayRefuse = null)
    {
        var operations = OpenApiKit.Operations(document).ToDictionary(o => (string)o.Operation["operationId"]!);
        Assert.All(order, id => Assert.Contains(id, operations.Keys));
        foreach (var id in order)
        {
            var (path, method, operation) = operations[id];
            var values = await pathValues(id);
            var url = new StringBuilder(path);
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if ((string?)parameter!["in"] == "path")
                {
                    var name = (string)parameter["name"]!;
                    url.Replace("{" + name + "}", Uri.EscapeDataString(values.TryGetValue(name, out var live) ? live : (string)parameter["example"]!));
                }
            }

            var query = (operation["parameters"]?.AsArray() ?? [])
                .Where(p => (string?)p!["in"] == "query" && p["example"] is not null && (bool?)p["deprecated"] != true)
                .Select(p => $"{p!["name"]}={Uri.EscapeDataString(p["example"]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)p["example"]! : p["example"]!.ToJsonString())}")
                .ToList();
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url + (query.Count > 0 ? "?" + string.Join('&', query) : ""), UriKind.Relative));
            var example = operation["requestBody"]?["content"]?["application/json"]?["example"]?.DeepClone();
            if (operation["requestBody"] is not null)
            {
                example = bodyOf?.Invoke(id, example) ?? example;
                request.Content = new StringContent(example?.ToJsonString() ?? "{}", Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }

            var response = await http.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = await response.Content.ReadAsStringAsync();
            var where = $"{id} ({method.ToUpperInvariant()} {request.RequestUri}) answered {status}: {text[..Math.Min(text.Length, 400)]}";
            Assert.True(status.StartsWith('2') || mayRefuse?.Contains(id) == true, where);
            var documented = operation["responses"]![status];
            Assert.True(documented is not null, where + " — status not in the document");
            foreach (var (header, _) in documented!["headers"]?.AsObject() ?? [])
            {
                if (header is not "Idempotent-Replayed" and not "Retry-After")
                {
                    Assert.True(response.Headers.Contains(header), $"{where} — documented header {header} missing");
                }
            }

            var content = documented["content"]?.AsObject();
            if (content is null || content.Count == 0)
            {
                Assert.True(text.Length == 0, where + " — the document says no body");
                continue;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType!;
            Assert.True(content.ContainsKey(mediaType), $"{where} — {mediaType} not documented");
            if (mediaType == "application/json")
            {
                var problems = OpenApiKit.Validate(document, content[mediaType]!["schema"], JsonNode.Parse(text));
                Assert.True(problems.Count == 0, where + "\n" + string.Join('\n', problems));
            }
        }
    }

    public sealed class External(ExternalApiFactory app) : IClassFixture<ExternalApiFactory>
    {
        [Fact]
        public async Task ExamplesMatchTheLiveApi()
        {
            var (_, http) = await app.NewClientAsync();
            var document = await OpenApiKit.DocumentAsync(http, "external");
            string[] order = ["external.createTicket", "external.listTickets", "external.getTicket", "external.getTicketByRef", "external.addComment", "external.listComments"];
            await RunAsync(http, document, order,
                async _ =>
                {
                    // The example's ticket 42 cannot exist here: the ticket the create example made stands in.
                    var last = await app.WithDbAsync(db => db.Tickets.OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync());
                    return new Dictionary<string, string> { ["id"] = last.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                });
            AssertAllSent(document, order);
        }
    }

    public sealed class Customer(DestekAppFactory app) : IClassFixture<DestekAppFactory>
    {
        [Fact]
        public async Task ExamplesMatchTheLiveApi()
        {
            var (_, _, browser) = await CustomerApiKit.NewCustomerAsync(app);
            var document = await OpenApiKit.DocumentAsync(browser.Client, "customer");
            var created = await CustomerApiKit.CreateAsync(browser);
            string[] order = ["customer.createTicket", "customer.listTickets", "customer.getTicket", "customer.reply", "customer.messages"];
            await RunAsync(browser.Client, document, order, _ => Task.FromResult(new Dictionary<string, string> { ["id"] = created }));
            AssertAllSent(document, order);
        }
    }

    public sealed class Support(DestekAppFactory app) : IClassFixture<DestekAppFactory>
    {
        [Fact]
        public async Task ExamplesMatchTheLiveApi()
        {
            var admin = await AccountKit.SignedInAsync(app, "admin@destek.local");
            var document = await OpenApiKit.DocumentAsync(admin.Client, "support");
            var agent = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "agent@destek.local").Select(u => u.Id).SingleAsync());
            var anonymous = AccountKit.NewBrowser(app);
            string[] anyone = ["support.create"];
            await RunAsync(anonymous.Client, document, anyone, _ => Task.FromResult(new Dictionary<string, string>()));
            var ticket = await app.WithDbAsync(db => db.Tickets.OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync());
            string[] staff = ["support.list", "support.get", "support.updateStatus", "support.assign", "support.update", "support.replace", "support.delete"];
            await RunAsync(admin.Client, document, staff,
                _ => Task.FromResult(new Dictionary<string, string> { ["id"] = ticket.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                (id, body) => id == "support.assign" ? new JsonObject { ["assigned_to"] = agent } : body);
            AssertAllSent(document, anyone, staff);
        }
    }

    public sealed class EInvoice(EInvoiceApiFactory app) : IClassFixture<EInvoiceApiFactory>
    {
        [Fact]
        public async Task ExamplesMatchTheLiveApi()
        {
            var organization = await app.NewOrganizationAsync("Belge Örnekleri A.Ş.");
            var invoice = (await app.NewInvoiceAsync(organization)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var http = app.ClientWith((await app.NewTokenAsync(organization, [TokenAbilities.EInvoicesRead, TokenAbilities.EInvoicesStatus])).Token);
            var document = await OpenApiKit.DocumentAsync(http, "einvoice");
            // The new invoice's PDF is rendered in the background, so its download may be the documented 404 yet.
            string[] order = ["einvoice.list", "einvoice.get", "einvoice.providerStatus", "einvoice.pdf"];
            await RunAsync(http, document, order,
                _ => Task.FromResult(new Dictionary<string, string> { ["einvoice"] = invoice }), mayRefuse: new HashSet<string> { "einvoice.pdf" });
            AssertAllSent(document, order);
        }
    }
}
