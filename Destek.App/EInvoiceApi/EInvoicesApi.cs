namespace Destek.App.EInvoiceApi;

/// <summary>GET /api/v1/einvoices, GET /{id}, GET /{id}/pdf, POST /{id}/provider-status (the document's four endpoints).</summary>
public static class EInvoicesApi
{
    public static RouteGroupBuilder MapEInvoicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapEInvoiceGroup();
        return group;
    }
}
