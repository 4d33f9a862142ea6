namespace Destek.Core.ExternalApi;

/// <summary>The external API's ticket (create and detail answers).</summary>
public sealed record ExternalTicket(
    int Id, string Title, string Description, string Status, string Priority, string Source, string? ExternalRef,
    int DepartmentId, string DepartmentName, int? AssigneeId, string? AssigneeName, bool IsPrivate,
    string CreatedAt, string? UpdatedAt, string? ClosedAt, int CommentsCount, int AttachmentsCount);

/// <summary>The external API's list row.</summary>
public sealed record ExternalTicketRow(
    int Id, string Title, string Status, string Priority, string Source, string? ExternalRef, string DepartmentName,
    string CreatedAt, int CommentsCount, int AttachmentsCount);

public sealed record ExternalTicketPage(IReadOnlyList<ExternalTicketRow> Tickets, int Total, int Page, int PerPage, int Pages);

/// <summary>The external API's comment.</summary>
public sealed record ExternalComment(int Id, string Content, int? UserId, string UserName, string CreatedAt);
