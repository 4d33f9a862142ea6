namespace Destek.Core.Invoices;

/// <summary>Stored by name; <see cref="InvoiceCodes"/> gives the API's lower-case codes.</summary>
public enum InvoiceStatus
{
    Draft,
    Queued,
    Issued,
    Sent,
    Accepted,
    Rejected,
    Cancelled,

    /// <summary>The provider refused it (invoice platform, seed-001).</summary>
    Failed,
}

public enum InvoiceType
{
    Sale,
    Return,
    CreditNote,
}

public enum Marketplace
{
    Trendyol,
    Hepsiburada,
    Amazon,
    N11,
}
