using Destek.Core.ExternalApi;
using Destek.Core.Tickets;

namespace Destek.App.ExternalApi;

/// <summary>seed-000 comments: GET|POST /api/external/tickets/{id}/comments (public messages only).</summary>
public static class ExternalCommentsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/tickets/{id:int}/comments", ListAsync);
        api.MapPost("/tickets/{id:int}/comments", AddAsync);
    }

    private static async Task<IResult> ListAsync(int id, HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var comments = await queries.CommentsAsync(ExternalApiGate.ClientOf(context).Id, id, cancellationToken);
        return comments is null ? ExternalErrors.Problem(context, StatusCodes.Status404NotFound, "Talep bulunamadı.") : Results.Json(comments, ExternalFormat.Json);
    }

    private static async Task<IResult> AddAsync(int id, HttpContext context, ExternalTicketService tickets, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var client = ExternalApiGate.ClientOf(context);
        if (!await queries.OwnsAsync(client.Id, id, cancellationToken))
        {
            return ExternalErrors.Problem(context, StatusCodes.Status404NotFound, "Talep bulunamadı.");
        }

        var body = await JsonBody.ReadObjectAsync(context, cancellationToken);
        var content = JsonBody.RequiredString(body, "content", TicketMessage.BodyMaxLength - client.Name.Length - 10);
        var comment = await tickets.AddCommentAsync(client, id, content, cancellationToken);
        return Results.Json(comment, ExternalFormat.Json, statusCode: StatusCodes.Status201Created);
    }
}
