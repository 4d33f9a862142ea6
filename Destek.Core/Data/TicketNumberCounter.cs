namespace Destek.Core.Data;

/// <summary>One row per number scope (e.g. "SUP-2026-"); bumped atomically with UPDATE … RETURNING.</summary>
public sealed class TicketNumberCounter
{
    public string Scope { get; set; } = "";
    public long LastValue { get; set; }
}
