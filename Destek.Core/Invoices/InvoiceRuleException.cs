namespace Destek.Core.Invoices;

/// <summary>An invoice rule refused the change. The message is Turkish and meant for a person.</summary>
public sealed class InvoiceRuleException(string message) : InvalidOperationException(message);
