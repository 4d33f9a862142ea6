using System.Text.Json;
using Destek.Core.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Destek.App.InvoicePlatform;

public sealed record SimulateBody(string Status);

/// <summary>
/// POST /v1/sandbox/invoices/{id}/simulate <c>{"status":"sent"|"failed"|"cancelled"}</c>: the sandbox's
/// provider simulator answers now. Only sandbox keys may call it (403 for a live key), and only on
/// sandbox invoices, which are the only ones a sandbox key can see.
/// </summary>
public static class SandboxInvoicesApi
{
    public static readonly IReadOnlyList<string> Statuses = ["sent", "failed", "cancelled"];

    public static RouteGroupBuilder MapSandboxInvoicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInvoicePlatformGroup("/v1/sandbox/invoices");
        group.MapPost("/{id}/simulate", SimulateAsync).WithName("SimulateSandboxInvoice")
            .WithSummary("Sandbox: sağlayıcı yanıtını simüle et")
            .WithDescription("Yalnızca `test_` anahtarlarıyla: sandbox faturasını hemen `sent`, `failed` ya da `cancelled` durumuna geçirir ve ilgili webhook olayını tetikler. `X-Idempotency-Key` zorunludur.")
            .Accepts<SimulateBody>("application/json")
            .Produces<PlatformInvoice>(StatusCodes.Status200OK)
            .ProducesPlatformErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<JsonHttpResult<PlatformInvoice>, PlatformProblem>> SimulateAsync(
        string id, HttpContext context, InvoicePlatformService platform, CancellationToken cancellationToken)
    {
        var scope = InvoicePlatformGate.ScopeOf(context);
        if (!scope.IsSandbox)
        {
            return PlatformProblem.Forbidden("The simulator is for sandbox keys (test_) only.");
        }

        if (!Guid.TryParseExact(id, "D", out var ettn))
        {
            return PlatformProblem.NotFound();
        }

        string? status;
        try
        {
            using var document = JsonDocument.Parse(InvoicePlatformIdempotency.BodyOf(context));
            status = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : ""
                : null;
        }
        catch (JsonException)
        {
            return PlatformProblem.Invalid("The request body is not valid JSON.", "body");
        }

        if (status is null)
        {
            return PlatformProblem.Missing("status");
        }

        if (!Statuses.Contains(status))
        {
            return PlatformProblem.Invalid($"Invalid field: status must be one of {string.Join(", ", Statuses)}.", "status");
        }

        return InvoicesApi.Answer(await platform.SimulateAsync(scope, ettn, status, cancellationToken));
    }
}
