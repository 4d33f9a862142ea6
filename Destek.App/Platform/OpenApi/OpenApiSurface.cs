using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

/// <summary>One API and its document: who it is for, how it authenticates, its own error body.</summary>
public sealed record OpenApiSurface
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public string Version { get; init; } = "1.0.0";

    /// <summary>Named security schemes; each inner list is one way to authenticate (all of its schemes together).</summary>
    public required IReadOnlyDictionary<string, OpenApiSecurityScheme> Schemes { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Security { get; init; }

    /// <summary>The surface's documented error body plus code and requestId, as its seed defines it.</summary>
    public required Func<OpenApiSchema> ErrorSchema { get; init; }

    /// <summary>An example error body per status, in the surface's shape and language.</summary>
    public required Func<int, string> ErrorExample { get; init; }

    /// <summary>Every answer carries X-RateLimit-*, 429s carry Retry-After.</summary>
    public bool RateLimited { get; init; } = true;

    /// <summary>Paths end with "/" (Django REST framework's routes).</summary>
    public bool TrailingSlash { get; init; }

    /// <summary>What the surface's documents (seeds) add per operation: summaries, query parameters, examples.</summary>
    public required IReadOnlyDictionary<string, OperationDoc> Operations { get; init; }

    public string ErrorSchemaName => char.ToUpperInvariant(Name[0]) + Name[1..] + "Error";
}

/// <summary>What the endpoint metadata cannot say about one operation.</summary>
public sealed record OperationDoc(string Summary, string? Description = null)
{
    public IReadOnlyList<QueryDoc> Query { get; init; } = [];

    /// <summary>Path parameter descriptions and examples, by name.</summary>
    public IReadOnlyDictionary<string, (string Description, string Example)> Path { get; init; } = new Dictionary<string, (string, string)>();

    /// <summary>The request body example (JSON), as the seed shows it.</summary>
    public string? RequestExample { get; init; }

    /// <summary>The success answer example (JSON), as the seed shows it.</summary>
    public string? ResponseExample { get; init; }

    /// <summary>Error statuses the operation answers besides the ones every operation of the surface does.</summary>
    public IReadOnlyList<int> Errors { get; init; } = [];

    /// <summary>False for an operation anyone may call (the support form's create).</summary>
    public bool Authenticated { get; init; } = true;
}

public sealed record QueryDoc(string Name, string Description, JsonSchemaType Type, string? Example = null)
{
    public IReadOnlyList<string>? Enum { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public string? Default { get; init; }

    public string? Format { get; init; }
}
