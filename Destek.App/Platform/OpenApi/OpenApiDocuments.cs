using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Destek.App.Platform.OpenApi;

/// <summary>
/// One OpenAPI 3.1 document per API, generated from the endpoints that carry the API's group name
/// (<c>.WithGroupName("external")</c>) and completed by transformers from <see cref="OpenApiSurfaces"/>:
/// the seed's summaries, query parameters and Turkish examples, the auth scheme, the surface's own error
/// body on every error status, and the platform headers (X-Request-Id, X-RateLimit-*, Retry-After,
/// Idempotency-Key, Deprecation). Served at <c>/openapi/{name}.json</c>.
/// </summary>
public static class OpenApiDocuments
{
    public const string RoutePattern = "/openapi/{documentName}.json";

    public static IServiceCollection AddOpenApiDocuments(this IServiceCollection services)
    {
        foreach (var surface in OpenApiSurfaces.All)
        {
            services.AddOpenApi(surface.Name, options =>
            {
                // Only the endpoints tagged with this API's group; pages and UI endpoints never appear.
                options.ShouldInclude = description => description.GroupName == surface.Name;
                options.AddSchemaTransformer((schema, context, _) =>
                {
                    DocumentShapes.Apply(schema, context.JsonTypeInfo, context.JsonPropertyInfo);
                    return Task.CompletedTask;
                });
                options.AddOperationTransformer(async (operation, context, cancellationToken) =>
                {
                    var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                    MarkDeprecated(operation, metadata);
                    if (metadata.OfType<DocumentedBody>().FirstOrDefault() is { } body)
                    {
                        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
                        if (schema is OpenApiSchema inline)
                        {
                            DocumentShapes.Normalize(inline, 0);
                        }

                        operation.RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = body.ContentTypes.ToDictionary(c => c, _ => new OpenApiMediaType { Schema = schema }),
                        };
                    }
                });
                options.AddDocumentTransformer((document, _, _) =>
                {
                    Complete(document, surface);
                    return Task.CompletedTask;
                });
            });
        }

        return services;
    }

    private static void MarkDeprecated(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var notice in metadata.OfType<DeprecationNotice>())
        {
            var note = string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd} tarihinden beri kullanımdan kaldırıldı; {1:yyyy-MM-dd} tarihinde kapanır. Değişiklik günlüğü: {2}",
                notice.Since.UtcDateTime, notice.Sunset.UtcDateTime, notice.Link);
            if (notice.Parameter is null)
            {
                operation.Deprecated = true;
                operation.Description = string.IsNullOrEmpty(operation.Description) ? note : operation.Description + "\n\n" + note;
                continue;
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = notice.Parameter,
                In = ParameterLocation.Query,
                Deprecated = true,
                Description = $"`{notice.Replacement}` parametresinin eski yazımı; aynı yanıtı verir ama Deprecation ve Sunset başlıkları eklenir. {note}",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            });
        }
    }

    /// <summary>What the endpoints cannot say, added to every operation of the surface's document.</summary>
    private static void Complete(OpenApiDocument document, OpenApiSurface surface)
    {
        document.Info = new OpenApiInfo { Title = surface.Title, Version = surface.Version, Description = surface.Description };
        // The host the document was asked from would make the files differ per machine; clients set their base URL.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in surface.Schemes)
        {
            document.Components.SecuritySchemes[name] = scheme;
        }

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[surface.ErrorSchemaName] = surface.ErrorSchema();
        foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>())
        {
            DocumentShapes.Normalize(schema, 0);
        }

        document.Tags = new HashSet<OpenApiTag> { new() { Name = surface.Name, Description = surface.Title } };

        if (surface.TrailingSlash)
        {
            // The API explorer drops a route's trailing slash; the support form document (DRF) writes every path with one.
            foreach (var path in document.Paths.Keys.Where(p => !p.EndsWith('/')).ToList())
            {
                document.Paths.Remove(path, out var item);
                document.Paths[path + "/"] = item!;
            }
        }

        foreach (var item in document.Paths.Values)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var doc = operation.OperationId is { } id && surface.Operations.TryGetValue(id, out var found) ? found : null;
                CompleteOperation(document, surface, method, operation, doc);
            }
        }
    }

    private static void CompleteOperation(OpenApiDocument document, OpenApiSurface surface, HttpMethod method, OpenApiOperation operation, OperationDoc? doc)
    {
        if (doc is not null)
        {
            operation.Summary = doc.Summary;
            if (doc.Description is { } description)
            {
                operation.Description = string.IsNullOrEmpty(operation.Description) ? description : description + "\n\n" + operation.Description;
            }
        }

        operation.Tags = new HashSet<OpenApiTagReference> { new(surface.Name, document) };
        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            if (doc is not null && parameter.Name is { } name && doc.Path.TryGetValue(name, out var path))
            {
                parameter.Description = path.Description;
                parameter.Example = JsonValue.Create(path.Example);
            }
        }

        foreach (var query in doc?.Query ?? [])
        {
            if (operation.Parameters.Any(p => p.Name == query.Name && p.In == ParameterLocation.Query))
            {
                continue;
            }

            var schema = new OpenApiSchema { Type = query.Type, Format = query.Format };
            if (query.Enum is { } values)
            {
                schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }

            if (query.Minimum is { } min)
            {
                schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
            }

            if (query.Maximum is { } max)
            {
                schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
            }

            if (query.Default is { } fallback)
            {
                schema.Default = query.Type == JsonSchemaType.String ? JsonValue.Create(fallback) : JsonNode.Parse(fallback);
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Description = query.Description,
                Schema = schema,
                Example = query.Example is null ? null : query.Type == JsonSchemaType.String ? JsonValue.Create(query.Example) : JsonNode.Parse(query.Example),
            });
        }

        operation.Parameters.Add(Header(RequestIds.Header, "İsteğin kimliği (1–128 karakter, [A-Za-z0-9._-]). Gönderilmezse sunucu üretir; yanıtta aynen döner.", "req_01hv2k8m3q9x7c4t6n5p2r1s0w"));
        var writes = method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;
        if (writes)
        {
            operation.Parameters.Add(Header(IdempotencyKeys.Header,
                "Yazma isteğinin tekrar anahtarı: aynı anahtar ve gövdeyle 24 saat içindeki tekrar ilk yanıtı döner (Idempotent-Replayed: true). Eş anlamlısı X-Idempotency-Key.",
                "9f1c2e7a-4b3d-4e8f-a1c6-2d5b7e9f0a13"));
        }

        if (doc?.RequestExample is { } requestExample && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = JsonNode.Parse(requestExample);
            }
        }

        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (response is OpenApiResponse success && status.StartsWith('2'))
            {
                success.Description = SuccessDescription(status);
                if (doc?.ResponseExample is { } responseExample && success.Content is { } content)
                {
                    foreach (var media in content.Values)
                    {
                        media.Example = JsonNode.Parse(responseExample);
                    }
                }

                AddCommonHeaders(success, surface, status, writes);
            }
        }

        var errors = new SortedSet<int>(doc?.Errors ?? []) { StatusCodes.Status500InternalServerError };
        if (doc?.Authenticated != false)
        {
            errors.Add(StatusCodes.Status401Unauthorized);
        }

        if (surface.RateLimited)
        {
            errors.Add(StatusCodes.Status429TooManyRequests);
        }

        foreach (var status in errors)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            var error = new OpenApiResponse
            {
                Description = ErrorDescription(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(surface.ErrorSchemaName, document),
                        Example = JsonNode.Parse(surface.ErrorExample(status)),
                    },
                },
            };
            AddCommonHeaders(error, surface, key, writes: false);
            operation.Responses[key] = error;
        }

        operation.Security = [];
        if (doc?.Authenticated != false)
        {
            foreach (var way in surface.Security)
            {
                var requirement = new OpenApiSecurityRequirement();
                foreach (var scheme in way)
                {
                    requirement[new OpenApiSecuritySchemeReference(scheme, document)] = [];
                }

                operation.Security.Add(requirement);
            }
        }
    }

    private static void AddCommonHeaders(OpenApiResponse response, OpenApiSurface surface, string status, bool writes)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[RequestIds.Header] = HeaderOf("İsteğin kimliği: gönderilen geçerliyse o, değilse sunucunun ürettiği (req_ + 26 karakter). Destek taleplerinde paylaşın.", JsonSchemaType.String);
        if (surface.RateLimited)
        {
            response.Headers["X-RateLimit-Limit"] = HeaderOf("Penceredeki istek hakkı.", JsonSchemaType.Integer);
            response.Headers["X-RateLimit-Remaining"] = HeaderOf("Pencerede kalan istek hakkı.", JsonSchemaType.Integer);
            response.Headers["X-RateLimit-Reset"] = HeaderOf("Pencerenin yenilendiği an (Unix saniye).", JsonSchemaType.Integer);
        }

        if (status == "429")
        {
            response.Headers["Retry-After"] = HeaderOf("Yeniden denemeden önce beklenecek saniye.", JsonSchemaType.Integer);
        }

        if (writes && status.StartsWith('2'))
        {
            response.Headers["Idempotent-Replayed"] = HeaderOf("true: bu yanıt aynı Idempotency-Key ile gelen ilk isteğin saklanan yanıtıdır.", JsonSchemaType.String);
        }
    }

    private static OpenApiHeader HeaderOf(string description, JsonSchemaType type) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 },
        Example = JsonValue.Create(example),
    };

    private static string SuccessDescription(string status) => status switch
    {
        "201" => "Oluşturuldu",
        "202" => "Kabul edildi",
        "204" => "İçerik yok",
        _ => "Başarılı",
    };

    public static string ErrorDescription(int status) => status switch
    {
        400 => "Geçersiz istek: hatalı alan adıyla belirtilir",
        401 => "Kimlik doğrulama hatası",
        403 => "Yetki hatası",
        404 => "Kaynak bulunamadı",
        409 => "Çakışma: aynı anahtarla bir istek hâlâ işleniyor",
        413 => "İstek gövdesi çok büyük",
        415 => "İstek gövdesi JSON olmalıdır",
        422 => "Doğrulama hatası",
        429 => "İstek limiti aşıldı: Retry-After kadar bekleyin",
        503 => "Hizmet geçici olarak kullanılamıyor",
        _ => "Sunucu hatası",
    };
}

/// <summary>
/// Makes generated schemas say what the surfaces write: snake_case names (every documented API is
/// snake_case; a [JsonPropertyName] keeps its own), nullable fields as nullable, numbers as numbers
/// (the host's JSON options also read numbers from strings, which the surfaces never write), and
/// [AllowedValues] as enums.
/// </summary>
internal static class DocumentShapes
{
    public static void Apply(OpenApiSchema schema, System.Text.Json.Serialization.Metadata.JsonTypeInfo type, System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property)
    {
        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String) && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (property?.AttributeProvider is MemberInfo member)
        {
            if (member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
            {
                schema.Enum = [.. allowed.Values.Select(v => JsonSerializer.SerializeToNode(v)!)];
            }

            if (schema.Type is { } primitive && primitive != JsonSchemaType.Object && IsNullable(member))
            {
                schema.Type = primitive | JsonSchemaType.Null;
            }
        }

        if (type.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && type.Type.Namespace == typeof(DocumentShapes).Namespace && schema.Properties is { Count: > 0 })
        {
            // The request bodies declared here: required is what [Required] says, not every constructor parameter.
            schema.Required = new HashSet<string>(type.Properties
                .Where(p => p.AttributeProvider is MemberInfo m && m.IsDefined(typeof(RequiredAttribute)))
                .Select(p => p.Name));
        }

        if (type.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            // A field the answer leaves out when it is null is not required.
            foreach (var info in type.Properties)
            {
                if (info.AttributeProvider is MemberInfo m && m.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is { Condition: not System.Text.Json.Serialization.JsonIgnoreCondition.Never })
                {
                    required.Remove(info.Name);
                    required.Remove(JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Name));
                }
            }
        }

        if (type.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 } properties)
        {
            foreach (var info in type.Properties)
            {
                if (info.AttributeProvider is not MemberInfo clr || clr.IsDefined(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute)))
                {
                    continue;
                }

                var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(clr.Name);
                if (name != info.Name && properties.Remove(info.Name, out var value))
                {
                    properties[name] = value;
                    if (schema.Required?.Remove(info.Name) == true)
                    {
                        schema.Required.Add(name);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The host's JSON options read numbers from strings too, so the generator writes integer fields as
    /// ["integer", "string"] with a pattern; the surfaces always write numbers, and say so.
    /// </summary>
    public static void Normalize(OpenApiSchema schema, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String) && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // A nested type's schema can reach the document before the type-level rename saw it; the
        // surfaces write snake_case throughout, the shared requestId being the one camelCase field.
        if (schema.Properties is { Count: > 0 } properties)
        {
            foreach (var name in properties.Keys.Where(k => k != "requestId" && k.Any(char.IsAsciiLetterUpper)).ToList())
            {
                var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
                properties.Remove(name, out var value);
                properties[snake] = value!;
                if (schema.Required?.Remove(name) == true)
                {
                    schema.Required.Add(snake);
                }
            }
        }

        IEnumerable<IOpenApiSchema?> children = [.. schema.Properties?.Values ?? [], schema.Items, schema.AdditionalProperties, .. schema.AllOf ?? [], .. schema.AnyOf ?? [], .. schema.OneOf ?? []];
        foreach (var child in children.OfType<OpenApiSchema>())
        {
            Normalize(child, depth + 1);
        }
    }

    private static bool IsNullable(MemberInfo member) => member switch
    {
        PropertyInfo p => new NullabilityInfoContext().Create(p).ReadState == NullabilityState.Nullable,
        FieldInfo f => new NullabilityInfoContext().Create(f).ReadState == NullabilityState.Nullable,
        _ => false,
    };
}
