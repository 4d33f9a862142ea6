using System.Globalization;
using System.Text.Json;
using Destek.App.Platform;
using Destek.App.Platform.OpenApi;
using Destek.Core;
using Destek.Core.Access;
using Destek.Core.Invoices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Destek.App.EInvoiceApi;

/// <summary>
/// The document's four endpoints: GET /api/v1/einvoices, GET /{einvoice}, GET /{einvoice}/pdf and
/// POST /{einvoice}/provider-status. A caller sees only its token's organization's invoices; any
/// other id (another organization's, unknown, not a number) is the document's 404.
/// </summary>
public static class EInvoicesApi
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 100;
    public const long MaxBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapEInvoicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapEInvoiceGroup();
        group.MapGet("", ListAsync).RequireAbility(TokenAbilities.EInvoicesRead).WithName("einvoice.list").Produces<EInvoiceList>();
        group.MapGet("/{einvoice}", GetAsync).RequireAbility(TokenAbilities.EInvoicesRead).WithName("einvoice.get").Produces<EInvoiceDetail>();
        group.MapGet("/{einvoice}/pdf", PdfAsync).RequireAbility(TokenAbilities.EInvoicesRead).WithName("einvoice.pdf")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf");
        group.MapPost("/{einvoice}/provider-status", ProviderStatusAsync).RequireAbility(TokenAbilities.EInvoicesStatus).WithName("einvoice.providerStatus")
            .DocumentsBody<ProviderStatusBody>("application/json").Produces<EInvoiceDetail>();
        return group;
    }

    private static async Task<Results<JsonHttpResult<EInvoiceList>, EInvoiceProblem>> ListAsync(
        HttpContext context, InvoiceQueries queries, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var validation = new EInvoiceValidation();
        var status = Code<InvoiceStatus>(query, "status", validation, InvoiceCodes.TryParseStatus);
        var marketplace = Code<Marketplace>(query, "marketplace", validation, InvoiceCodes.TryParseMarketplace);
        var type = Code<InvoiceType>(query, "type", validation, InvoiceCodes.TryParseType);
        DateTime? updatedSince = null;
        if (Single(query, "updated_since", validation) is { Length: > 0 } since)
        {
            if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                updatedSince = parsed.UtcDateTime;
            }
            else
            {
                validation.Add("updated_since", "The updated since field must be a valid date.");
            }
        }

        var perPage = Integer(query, "per_page", DefaultPerPage, 1, MaxPerPage, validation);
        var page = Integer(query, "page", 1, 1, int.MaxValue / MaxPerPage, validation);
        if (validation.HasErrors)
        {
            return validation.Answer(context);
        }

        var result = await queries.ListAsync(EInvoiceApiGate.OrganizationOf(context), new InvoiceFilter(status, marketplace, type, updatedSince), page, perPage, cancellationToken);
        var data = result.Rows.Select(r => EInvoiceJson.Row(r, PdfUrl(context, r.Id))).ToList();
        return TypedResults.Json(new EInvoiceList(data, new EInvoiceMeta(result.Page, result.PerPage, result.Total, result.LastPage)), EInvoiceJson.Options);
    }

    private static async Task<Results<JsonHttpResult<EInvoiceDetail>, EInvoiceProblem>> GetAsync(
        string einvoice, HttpContext context, InvoiceQueries queries, CancellationToken cancellationToken)
    {
        if (IdOf(einvoice) is not int id)
        {
            return EInvoiceErrors.NotFound(context);
        }

        var validation = new EInvoiceValidation();
        var includeItems = Boolean(context.Request.Query, "include_items", true, validation);
        var includeEvents = Boolean(context.Request.Query, "include_events", false, validation);
        var detail = await queries.GetAsync(EInvoiceApiGate.OrganizationOf(context), id, includeItems, includeEvents, cancellationToken);
        // The binding comes first, as in the document's framework: an unknown invoice is 404 whatever the query says.
        if (detail is null)
        {
            return EInvoiceErrors.NotFound(context);
        }

        return validation.HasErrors
            ? validation.Answer(context)
            : TypedResults.Json(EInvoiceJson.Detail(detail, PdfUrl(context, id)), EInvoiceJson.Options);
    }

    private static async Task<Results<FileStreamHttpResult, EInvoiceProblem>> PdfAsync(
        string einvoice, HttpContext context, InvoiceQueries queries, DataDirectory data, CancellationToken cancellationToken)
    {
        if (IdOf(einvoice) is not int id || await queries.EttnAsync(EInvoiceApiGate.OrganizationOf(context), id, cancellationToken) is not { } ettn)
        {
            return EInvoiceErrors.NotFound(context);
        }

        // The invoices module's layout (InvoicePdfStore): {data}/invoices/{first two hex of the ETTN}/{ETTN}.pdf.
        // TODO(merge): read through InvoicePdfStore.OpenRead(ettn) once that branch is in.
        var name = ettn.ToString("D");
        FileStream stream;
        try
        {
            stream = new FileStream(data.Combine("invoices", name[..2], name + ".pdf"), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return EInvoiceErrors.NotFound(context);
        }

        return TypedResults.File(stream, "application/pdf", $"einvoice-{id}.pdf");
    }

    private static async Task<Results<JsonHttpResult<EInvoiceDetail>, EInvoiceProblem>> ProviderStatusAsync(
        string einvoice, HttpContext context, InvoiceQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (IdOf(einvoice) is not int id)
        {
            return EInvoiceErrors.NotFound(context);
        }

        var organization = EInvoiceApiGate.OrganizationOf(context);
        var (body, unreadable) = await ReadBodyAsync(context, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var validation = new EInvoiceValidation();
        var providerStatus = Text(body, "provider_status", required: true, Invoice.ProviderStatusMaxLength, validation);
        var providerInvoiceId = Text(body, "provider_invoice_id", required: false, Invoice.ProviderInvoiceIdMaxLength, validation);
        JsonElement? raw = null;
        if (body.TryGetProperty("raw", out var rawValue) && rawValue.ValueKind != JsonValueKind.Null)
        {
            if (rawValue.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                raw = rawValue;
            }
            else
            {
                validation.Add("raw", "The raw field must be an array.");
            }
        }

        // The invoice is bound before the body is validated, as in the document's framework.
        if (await queries.EttnAsync(organization, id, cancellationToken) is null)
        {
            return EInvoiceErrors.NotFound(context);
        }

        if (validation.HasErrors)
        {
            return validation.Answer(context);
        }

        if (!await queries.ApplyProviderStatusAsync(organization, id, providerStatus!, providerInvoiceId, raw, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return EInvoiceErrors.NotFound(context);
        }

        var detail = await queries.GetAsync(organization, id, includeItems: true, includeEvents: false, cancellationToken);
        return detail is null
            ? EInvoiceErrors.NotFound(context)
            : TypedResults.Json(EInvoiceJson.Detail(detail, PdfUrl(context, id)), EInvoiceJson.Options);
    }

    /// <summary>The body as a JSON object: an empty or non-JSON body reads as {} (the validation then names the missing field), malformed JSON is a 400.</summary>
    private static async Task<(JsonElement Body, EInvoiceProblem? Error)> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var empty = JsonSerializer.SerializeToElement(new Dictionary<string, string>());
        if (!WellFormedJson.IsJsonMediaType(context.Request.ContentType))
        {
            return (empty, null);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (empty, BodyProblem(context, StatusCodes.Status413PayloadTooLarge, "The request body must not be greater than 1024 kilobytes."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return (empty, null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (empty, BodyProblem(context, StatusCodes.Status422UnprocessableEntity, "The request body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (empty, BodyProblem(context, StatusCodes.Status400BadRequest, "The request body is not valid JSON."));
        }
    }

    private static EInvoiceProblem BodyProblem(HttpContext context, int status, string message)
    {
        if (status == StatusCodes.Status422UnprocessableEntity)
        {
            var validation = new EInvoiceValidation();
            validation.Add("body", message);
            return validation.Answer(context);
        }

        return EInvoiceErrors.Problem(context, status, message);
    }

    private static string? Text(JsonElement body, string field, bool required, int maxLength, EInvoiceValidation validation)
    {
        var attribute = EInvoiceValidation.Attribute(field);
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
        {
            if (required)
            {
                validation.Add(field, $"The {attribute} field is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            validation.Add(field, $"The {attribute} field must be a string.");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            validation.Add(field, $"The {attribute} field must not be greater than {maxLength} characters.");
            return null;
        }

        return text;
    }

    private static string? Single(IQueryCollection query, string field, EInvoiceValidation validation)
    {
        var values = query[field];
        if (values.Count > 1)
        {
            validation.Add(field, $"The {EInvoiceValidation.Attribute(field)} field must be a string.");
            return null;
        }

        return values.Count == 1 ? values[0]?.Trim() : null;
    }

    private delegate bool TryParseCode<T>(string? code, out T value);

    private static T? Code<T>(IQueryCollection query, string field, EInvoiceValidation validation, TryParseCode<T> parse)
        where T : struct
    {
        if (Single(query, field, validation) is not { Length: > 0 } code)
        {
            return null;
        }

        if (parse(code, out var value))
        {
            return value;
        }

        validation.Add(field, $"The selected {EInvoiceValidation.Attribute(field)} is invalid.");
        return null;
    }

    private static int Integer(IQueryCollection query, string field, int fallback, int min, int max, EInvoiceValidation validation)
    {
        if (Single(query, field, validation) is not { Length: > 0 } text)
        {
            return fallback;
        }

        var attribute = EInvoiceValidation.Attribute(field);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // Digits beyond int's range are still a number, only too large.
            validation.Add(field, text.TrimStart('-').All(char.IsAsciiDigit) && text.Length > 1
                ? (text.StartsWith('-') ? $"The {attribute} field must be at least {min}." : $"The {attribute} field must not be greater than {max}.")
                : $"The {attribute} field must be an integer.");
            return fallback;
        }

        if (min == 1 && max == MaxPerPage && (value < min || value > max))
        {
            validation.Add(field, $"The {attribute} field must be between {min} and {max}.");
        }
        else if (value < min)
        {
            validation.Add(field, $"The {attribute} field must be at least {min}.");
        }
        else if (value > max)
        {
            validation.Add(field, $"The {attribute} field must not be greater than {max}.");
        }

        return value;
    }

    private static bool Boolean(IQueryCollection query, string field, bool fallback, EInvoiceValidation validation)
    {
        if (Single(query, field, validation) is not { Length: > 0 } text)
        {
            return fallback;
        }

        switch (text.ToLowerInvariant())
        {
            case "1" or "true":
                return true;
            case "0" or "false":
                return false;
            default:
                validation.Add(field, $"The {EInvoiceValidation.Attribute(field)} field must be true or false.");
                return fallback;
        }
    }

    private static int? IdOf(string value) =>
        value.Length is > 0 and <= 10 && value.All(char.IsAsciiDigit) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    private static string PdfUrl(HttpContext context, int id) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{EInvoiceApiExtensions.Prefix}/{id}/pdf";
}
