using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Destek.App.Platform.OpenApi;

/// <summary>
/// A Postman collection (v2.1) with one folder per API and an environment file, written from the
/// served OpenAPI documents: every operation with its example body, query and path values, and the
/// API's credentials as environment variables. The output depends only on the documents (ids are
/// hashes), so a test can tell when docs/postman/ is stale.
/// </summary>
public static class PostmanCollection
{
    public const string CollectionFile = "destek.postman_collection.json";
    public const string EnvironmentFile = "destek.postman_environment.json";
    private const string BaseUrl = "baseUrl";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The two files' text, from the documents by name (in the order given).</summary>
    public static (string Collection, string Environment) Write(IReadOnlyList<(string Name, JsonNode Document)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal) { [BaseUrl] = "http://localhost:5000" };
        var folders = new JsonArray();
        foreach (var (name, document) in documents)
        {
            folders.Add(Folder(name, document, variables));
        }

        var collection = new JsonObject
        {
            ["info"] = new JsonObject
            {
                ["_postman_id"] = IdOf("collection"),
                ["name"] = "Destek API'leri",
                ["description"] = "Destek'in HTTP API'leri, /openapi/{ad}.json belgelerinden üretildi. Ortam dosyasında baseUrl ve anahtarları doldurun. "
                    + "Değişiklik günlüğü: {{baseUrl}}/docs/changelog",
                ["schema"] = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
            },
            ["item"] = folders,
        };
        var environment = new JsonObject
        {
            ["id"] = IdOf("environment"),
            ["name"] = "Destek (yerel)",
            ["values"] = new JsonArray([.. variables.Select(v => (JsonNode)new JsonObject
            {
                ["key"] = v.Key,
                ["value"] = v.Value,
                ["type"] = v.Key == BaseUrl ? "default" : "secret",
                ["enabled"] = true,
            })]),
            ["_postman_variable_scope"] = "environment",
        };
        return (collection.ToJsonString(Indented) + "\n", environment.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Folder(string name, JsonNode document, SortedDictionary<string, string> variables)
    {
        var headers = new JsonArray();
        JsonObject? auth = null;
        foreach (var (schemeName, scheme) in document["components"]?["securitySchemes"]?.AsObject() ?? [])
        {
            var variable = $"{name}_{schemeName}";
            switch ((string?)scheme?["type"], (string?)scheme?["in"])
            {
                case ("apiKey", "header"):
                    variables[variable] = "";
                    headers.Add(new JsonObject { ["key"] = (string?)scheme!["name"], ["value"] = $"{{{{{variable}}}}}", ["type"] = "text" });
                    break;
                case ("http", _) when (string?)scheme!["scheme"] == "bearer":
                    variables[variable] = "";
                    auth = new JsonObject
                    {
                        ["type"] = "bearer",
                        ["bearer"] = new JsonArray(new JsonObject { ["key"] = "token", ["value"] = $"{{{{{variable}}}}}", ["type"] = "string" }),
                    };
                    break;
            }
        }

        var items = new JsonArray();
        foreach (var (path, pathItem) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in pathItem?.AsObject() ?? [])
            {
                items.Add(Request(name, path, method, operation!, headers, auth));
            }
        }

        return new JsonObject
        {
            ["name"] = (string?)document["info"]?["title"] ?? name,
            ["description"] = (string?)document["info"]?["description"],
            ["item"] = items,
        };
    }

    private static JsonObject Request(string api, string path, string method, JsonNode operation, JsonArray credentialHeaders, JsonObject? auth)
    {
        var query = new JsonArray();
        var pathVariables = new JsonArray();
        var headers = new JsonArray([.. credentialHeaders.Select(h => h!.DeepClone())]);
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var name = (string)parameter!["name"]!;
            var example = parameter["example"] is { } e ? (e.GetValueKind() == JsonValueKind.String ? (string?)e : e.ToJsonString()) : null;
            var deprecated = (bool?)parameter["deprecated"] == true;
            switch ((string?)parameter["in"])
            {
                case "path":
                    pathVariables.Add(new JsonObject { ["key"] = name, ["value"] = example ?? "", ["description"] = (string?)parameter["description"] });
                    break;
                case "query":
                    query.Add(new JsonObject
                    {
                        ["key"] = name,
                        ["value"] = example ?? "",
                        ["description"] = (string?)parameter["description"],
                        // Only the example values are sent; a deprecated spelling never is.
                        ["disabled"] = example is null || deprecated,
                    });
                    break;
                case "header" when name == IdempotencyKeys.Header:
                    headers.Add(new JsonObject { ["key"] = name, ["value"] = "{{$guid}}", ["type"] = "text" });
                    break;
            }
        }

        var body = operation["requestBody"]?["content"]?.AsObject();
        var request = new JsonObject
        {
            ["method"] = method.ToUpperInvariant(),
            ["header"] = headers,
            ["url"] = new JsonObject
            {
                ["raw"] = "{{baseUrl}}" + PostmanPath(path) + (query.Any(q => (bool?)q!["disabled"] != true)
                    ? "?" + string.Join('&', query.Where(q => (bool?)q!["disabled"] != true).Select(q => $"{(string?)q!["key"]}={(string?)q["value"]}"))
                    : ""),
                ["host"] = new JsonArray("{{baseUrl}}"),
                ["path"] = new JsonArray([.. PostmanPath(path).Trim('/').Split('/').Select(s => (JsonNode)s)]),
                ["query"] = query,
                ["variable"] = pathVariables,
            },
            ["description"] = (string?)operation["description"],
        };
        if (auth is not null && operation["security"] is JsonArray { Count: > 0 })
        {
            request["auth"] = auth.DeepClone();
        }

        if (body?["application/json"] is { } json)
        {
            headers.Add(new JsonObject { ["key"] = "Content-Type", ["value"] = "application/json", ["type"] = "text" });
            request["body"] = new JsonObject
            {
                ["mode"] = "raw",
                ["raw"] = json["example"]?.ToJsonString(Indented) ?? "{}",
                ["options"] = new JsonObject { ["raw"] = new JsonObject { ["language"] = "json" } },
            };
        }

        return new JsonObject
        {
            ["name"] = (string?)operation["summary"] ?? $"{method.ToUpperInvariant()} {path}",
            ["_postman_id"] = IdOf($"{api} {method} {path}"),
            ["request"] = request,
            ["response"] = new JsonArray(),
        };
    }

    /// <summary>/tickets/{id}/ becomes /tickets/:id/ (Postman's path variables).</summary>
    private static string PostmanPath(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}]+)\}", ":$1");

    private static string IdOf(string name) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("destek-postman:" + name))[..16]).ToString();
}
