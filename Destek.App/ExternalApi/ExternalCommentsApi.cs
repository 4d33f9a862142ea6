using Destek.App.Platform.OpenApi;
using Destek.Core.ExternalApi;
using Destek.Core.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Destek.App.ExternalApi;

/// <summary>The external API's comments: GET|POST /api/external/tickets/{id}/comments (public messages only).</summary>
public static class ExternalCommentsApi
{
    public static RouteGroupBuilder MapExternalCommentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapExternalGroup("/tickets/{id:int}/comments");
        group.MapGet("", ListAsync).WithName("external.listComments").Produces<IReadOnlyList<ExternalComment>>();
        group.MapPost("", AddAsync).WithName("external.addComment")
            .DocumentsBody<ExternalCommentCreateBody>("application/json").Produces<ExternalComment>(StatusCodes.Status201Created);
        return group;
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<ExternalComment>>, ExternalProblem>> ListAsync(
        int id, HttpContext context, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var comments = await queries.CommentsAsync(ExternalApiGate.ClientOf(context).Id, id, cancellationToken);
        return comments is null
            ? ExternalErrors.Problem(context, StatusCodes.Status404NotFound, ExternalErrors.TicketNotFound)
            : TypedResults.Json(comments, ExternalFormat.Json);
    }

    private static async Task<Results<JsonHttpResult<ExternalComment>, ExternalProblem>> AddAsync(
        int id, HttpContext context, ExternalTicketService tickets, ExternalTicketQueries queries, CancellationToken cancellationToken)
    {
        var client = ExternalApiGate.ClientOf(context);
        if (!await queries.OwnsAsync(client.Id, id, cancellationToken))
        {
            return ExternalErrors.Problem(context, StatusCodes.Status404NotFound, ExternalErrors.TicketNotFound);
        }

        var (body, unreadable) = await JsonBody.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return unreadable!;
        }

        var content = body.RequiredString("content", TicketMessage.BodyMaxLength - client.Name.Length - 10);
        if (body.Error is { } invalid)
        {
            return invalid;
        }

        var added = await tickets.AddCommentAsync(client, id, content, cancellationToken);
        return added.Value is { } comment
            ? TypedResults.Json(comment, ExternalFormat.Json, statusCode: StatusCodes.Status201Created)
            : ExternalErrors.Refused(context, added.Refusal!);
    }
}
