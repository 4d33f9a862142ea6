using System.Globalization;
using System.Text.Json;
using Destek.Core.Idempotency;
using Destek.Core.Invoices;
using Destek.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Destek.App.InvoicePlatform;

/// <summary>The list of seed-001: <c>{"data":[…]}</c>, the next page's cursor in X-Next-Cursor.</summary>
public sealed record PlatformInvoiceList(IReadOnlyList<PlatformInvoice> Data);

/// <summary>
/// /v1/invoices (seed-001): create (202, queued), read, list by cursor, cancel, and the PDF once sent.
/// A caller sees only its organization's invoices of its key's mode; any other id is 404.
/// </summary>
public static class InvoicesApi
{
    public const int DefaultPageSize = 20;
    public const string NextCursorHeader = "X-Next-Cursor";

    public static string LocationOf(string id) => "/v1/invoices/" + id;

    public static RouteGroupBuilder MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInvoicePlatformGroup("/v1/invoices");
        group.MapPost("", CreateAsync).WithName("CreateInvoice").WithMetadata(new KeepsIdempotencyKeyInItsWrite())
            .WithSummary("Fatura oluştur")
            .WithDescription("Faturayı kuyruğa alır ve 202 Accepted ile `queued` durumundaki fatura nesnesini döner. `X-Idempotency-Key` zorunludur: aynı anahtar ve gövde 24 saat içinde ilk yanıtı döner, farklı gövde 409 `conflict` alır.")
            .Accepts<CreateInvoiceBody>("application/json")
            .Produces<PlatformInvoice>(StatusCodes.Status202Accepted)
            .ProducesPlatformErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("", ListAsync).WithName("ListInvoices")
            .WithSummary("Faturaları listele")
            .WithDescription("En yeniden eskiye, imleçle sayfalı liste: `page[limit]` (1–100, varsayılan 20) ve `page[after]`. Sonraki sayfanın imleci `X-Next-Cursor` başlığındadır; son sayfada bu başlık yoktur.")
            .Produces<PlatformInvoiceList>(StatusCodes.Status200OK)
            .ProducesPlatformErrors(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", GetAsync).WithName("GetInvoice")
            .WithSummary("Faturayı getir")
            .WithDescription("Faturanın güncel durumunu döner: `queued`, `sent`, `failed` ya da `cancelled`.")
            .Produces<PlatformInvoice>(StatusCodes.Status200OK)
            .ProducesPlatformErrors(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/pdf", PdfAsync).WithName("GetInvoicePdf")
            .WithSummary("Fatura PDF'ini indir")
            .WithDescription("Gönderilmiş faturanın PDF'i; henüz gönderilmemişse 404.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf")
            .ProducesPlatformErrors(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/cancel", CancelAsync).WithName("CancelInvoice")
            .WithSummary("Faturayı iptal et")
            .WithDescription("Faturayı iptal eder; zaten iptal edilmişse aynı nesneyi yine 200 ile döner. `X-Idempotency-Key` zorunludur.")
            .Produces<PlatformInvoice>(StatusCodes.Status200OK)
            .ProducesPlatformErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<KeptWithTheWrite, KeyTakenMeanwhile, PlatformProblem>> CreateAsync(
        HttpContext context, InvoiceCreateQueue createQueue)
    {
        if (!Platform.WellFormedJson.IsJsonMediaType(context.Request.ContentType))
        {
            return PlatformProblem.Other(StatusCodes.Status415UnsupportedMediaType, Platform.ApiErrorCodes.InvalidRequest,
                "The request body must be sent as application/json.", "Content-Type");
        }

        var (data, problem) = InvoiceRequest.Read(InvoicePlatformIdempotency.BodyOf(context));
        if (problem is not null)
        {
            return problem;
        }

        var claim = InvoicePlatformIdempotency.ClaimOf(context)
            ?? throw new InvalidOperationException("Invoice creation runs behind the platform's idempotency filter.");
        InvoiceCreated created;
        try
        {
            // The group commit writes the invoice and keeps this answer with its key, in one transaction.
            created = await createQueue.CreateAsync(InvoicePlatformGate.ScopeOf(context), data!, claim, AcceptedAnswer);
        }
        catch (InvoiceRuleException ex)
        {
            return PlatformProblem.Invalid(ex.Message, "body");
        }

        return created is { Invoice: { } invoice, Answer: { } answer }
            ? new KeptWithTheWrite(answer, LocationOf(invoice.Ettn.ToString("D")))
            : new KeyTakenMeanwhile();
    }

    /// <summary>202 with the invoice, serialized as the JSON result would write it, so the kept bytes are the sent bytes.</summary>
    private static KeptAnswer AcceptedAnswer(Invoice invoice) =>
        new(StatusCodes.Status202Accepted, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(PlatformInvoice.Of(invoice), EInvoicePayloads.Json));

    private static async Task<Results<JsonHttpResult<PlatformInvoice>, PlatformProblem>> GetAsync(
        string id, HttpContext context, InvoicePlatformService platform, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var ettn) || await platform.GetAsync(InvoicePlatformGate.ScopeOf(context), ettn, cancellationToken) is not { } invoice)
        {
            return PlatformProblem.NotFound();
        }

        return TypedResults.Json(PlatformInvoice.Of(invoice), EInvoicePayloads.Json);
    }

    private static async Task<Results<FileStreamHttpResult, PlatformProblem>> PdfAsync(
        string id, HttpContext context, InvoicePlatformService platform, InvoicePdfStore pdfs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var ettn) || await platform.GetAsync(InvoicePlatformGate.ScopeOf(context), ettn, cancellationToken) is not { HasBeenIssued: true } invoice
            || pdfs.OpenRead(invoice) is not { } stream)
        {
            return PlatformProblem.NotFound();
        }

        return TypedResults.File(stream, "application/pdf", $"{invoice.Number}.pdf");
    }

    private static async Task<Results<JsonHttpResult<PlatformInvoiceList>, PlatformProblem>> ListAsync(
        HttpContext context, InvoicePlatformService platform, InvoiceCursor cursors, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var scope = InvoicePlatformGate.ScopeOf(context);
        var limit = DefaultPageSize;
        if (query.TryGetValue("page[limit]", out var limits))
        {
            if (limits.Count != 1 || !int.TryParse(limits[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > InvoicePlatformService.MaxPageSize)
            {
                return PlatformProblem.Invalid($"Invalid parameter: page[limit] must be a whole number from 1 to {InvoicePlatformService.MaxPageSize}.", "page[limit]");
            }
        }

        PlatformPosition? after = null;
        if (query.TryGetValue("page[after]", out var afters))
        {
            if (afters.Count != 1 || string.IsNullOrEmpty(afters[0]) || afters[0]!.Length > 1000 || cursors.Open(scope, afters[0]!) is not { } position)
            {
                return PlatformProblem.Invalid("Invalid parameter: page[after] is not a cursor this API gave you (use X-Next-Cursor as it came).", "page[after]");
            }

            after = position;
        }

        var page = await platform.ListAsync(scope, after, limit, cancellationToken);
        if (page.Next is { } next)
        {
            context.Response.Headers[NextCursorHeader] = cursors.Seal(scope, next);
        }

        return TypedResults.Json(new PlatformInvoiceList(page.Invoices.Select(PlatformInvoice.Of).ToList()), EInvoicePayloads.Json);
    }

    private static async Task<Results<JsonHttpResult<PlatformInvoice>, PlatformProblem>> CancelAsync(
        string id, HttpContext context, InvoicePlatformService platform, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var ettn))
        {
            return PlatformProblem.NotFound();
        }

        return Answer(await platform.CancelAsync(InvoicePlatformGate.ScopeOf(context), ettn, cancellationToken));
    }

    public static Results<JsonHttpResult<PlatformInvoice>, PlatformProblem> Answer(PlatformChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Outcome switch
        {
            PlatformOutcome.NotFound => PlatformProblem.NotFound(),
            PlatformOutcome.NotAllowed => PlatformProblem.Conflict(change.Message ?? "The invoice cannot make this move.", "status"),
            _ => TypedResults.Json(PlatformInvoice.Of(change.Invoice!), EInvoicePayloads.Json),
        };
    }
}

/// <summary>The create body, for the API description (the endpoint reads the JSON itself to name each bad field).</summary>
public sealed record CreateInvoiceBody(
    CreateInvoiceCustomer Customer, IReadOnlyList<CreateInvoiceItem> Items, string Currency, string? Marketplace, string? MarketplaceOrderNo);

public sealed record CreateInvoiceCustomer(string Name, string? Vkn, string? Tckn, string Email, string Address);

public sealed record CreateInvoiceItem(string? Sku, string Name, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal? DiscountAmount);
