using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Destek.Tests.OpenApi;

/// <summary>Reads served documents and checks JSON answers against their schemas (the subset the documents use).</summary>
public static class OpenApiKit
{
    public static readonly string[] Names = ["external", "support", "customer", "einvoice", "invoices"];

    public static async Task<JsonNode> DocumentAsync(HttpClient http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = await http.GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                yield return (path, method, operation!.AsObject());
            }
        }
    }

    /// <summary>The problems of <paramref name="value"/> against <paramref name="schema"/>; empty when it conforms.</summary>
    public static List<string> Validate(JsonNode document, JsonNode? schema, JsonNode? value, string at = "$")
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<string>();
        Check(document, schema, value, at, problems, 0);
        return problems;
    }

    private static void Check(JsonNode document, JsonNode? schema, JsonNode? value, string at, List<string> problems, int depth)
    {
        if (schema is null || depth > 40)
        {
            return;
        }

        if ((string?)schema["$ref"] is { } reference)
        {
            var target = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                target = target?[part];
            }

            Assert.True(target is not null, $"unresolved {reference}");
            Check(document, target, value, at, problems, depth + 1);
            return;
        }

        foreach (var keyword in new[] { "allOf" })
        {
            foreach (var part in schema[keyword]?.AsArray() ?? [])
            {
                Check(document, part, value, at, problems, depth + 1);
            }
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray options && !options.Any(o => Validate(document, o, value, at).Count == 0))
            {
                problems.Add($"{at}: matches none of {keyword}");
            }
        }

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).ToList(),
            JsonValue one => [(string)one!],
            _ => null,
        };
        var kind = KindOf(value);
        if (types is not null && !types.Any(t => t == kind || (t == "number" && kind == "integer")))
        {
            problems.Add($"{at}: {kind} where the document says {string.Join('|', types)}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{at}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var required in schema["required"]?.AsArray() ?? [])
                {
                    if (!obj.ContainsKey((string)required!))
                    {
                        problems.Add($"{at}.{required}: missing (required)");
                    }
                }

                var properties = schema["properties"]?.AsObject();
                foreach (var (name, child) in obj)
                {
                    if (properties?[name] is { } propertySchema)
                    {
                        Check(document, propertySchema, child, $"{at}.{name}", problems, depth + 1);
                    }
                    else if (schema["additionalProperties"] is JsonObject additional)
                    {
                        Check(document, additional, child, $"{at}.{name}", problems, depth + 1);
                    }
                    else if (properties is not null && schema["additionalProperties"] is null && schema["type"] is not null)
                    {
                        problems.Add($"{at}.{name}: not in the document");
                    }
                }

                break;
            case JsonArray array:
                var index = 0;
                foreach (var item in array)
                {
                    Check(document, schema["items"], item, $"{at}[{index++}]", problems, depth + 1);
                }

                break;
            case JsonValue scalar when kind == "string" && (string?)schema["format"] == "date-time":
                if (!DateTimeOffset.TryParse((string)scalar!, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    problems.Add($"{at}: not a date-time");
                }

                break;
            case JsonValue scalar when kind == "string" && (string?)schema["pattern"] is { } pattern:
                if (!Regex.IsMatch((string)scalar!, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    problems.Add($"{at}: does not match {pattern}");
                }

                break;
        }
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.AsValue().TryGetValue<long>(out _) || (value.ToJsonString() is var text && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase))
            ? "integer" : "number",
        _ => "unknown",
    };

    /// <summary>The repository's root (the folder with Destek.sln), above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Destek.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Destek.sln not found above " + AppContext.BaseDirectory);
    }

    public static JsonSerializerOptions Plain { get; } = new();
}
