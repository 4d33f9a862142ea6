namespace Destek.Core.Tickets;

/// <summary>A ticket rule refused the change. The message is Turkish and meant for a person.</summary>
public sealed class TicketRuleException(string message) : InvalidOperationException(message);
