using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using Destek.Core.Customers;

namespace Destek.Core.Invoices;

/// <summary>
/// An e-invoice of a customer organization (table e_invoices). Every change goes through a method
/// here: it checks the rule, appends to the event log (<see cref="Events"/>, e_invoice_events) and
/// raises the webhook event (<see cref="PendingEvents"/>). Totals are computed from the items once,
/// when the invoice is made; items do not change afterwards.
/// </summary>
public sealed class Invoice
{
    public const int BuyerNameMaxLength = 200;
    public const int OrderNoMaxLength = 100;
    public const int ProviderMaxLength = 50;
    public const int ProviderStatusMaxLength = 50;
    public const int ProviderInvoiceIdMaxLength = 100;
    public const int MaxItems = 1000;
    public const int BuyerAddressMaxLength = 500;
    public const string DefaultCurrency = "TRY";
    public const string DefaultProvider = "custom";

    private readonly List<InvoiceItem> _items = [];
    private readonly List<InvoiceEvent> _events = [];
    private readonly List<InvoiceDomainEvent> _pending = [];

    private Invoice()
    {
    }

    public int Id { get; private set; }

    /// <summary>EA-{yyyy}-NNNNNN by default (Destek:Invoices:NumberPrefix/NumberDigits); given when first saved.</summary>
    public string Number { get; private set; } = "";

    /// <summary>ETTN: the invoice's universal id, made with the invoice and printed on the PDF.</summary>
    public Guid Ettn { get; private set; }
    public int CustomerOrganizationId { get; private set; }
    public CustomerOrganization? CustomerOrganization { get; private set; }

    /// <summary>The account that created the invoice, when known (the webhook payload's user.id).</summary>
    public int? UserId { get; private set; }

    /// <summary>For a return or a credit note: the sale it refers to, when known.</summary>
    public int? RelatedInvoiceId { get; private set; }

    public InvoiceStatus Status { get; private set; }
    public InvoiceType Type { get; private set; }
    public Marketplace? Marketplace { get; private set; }
    public string? MarketplaceOrderNo { get; private set; }

    public string BuyerName { get; private set; } = "";
    public string? BuyerEmail { get; private set; }
    public string? BuyerPhone { get; private set; }

    /// <summary>VKN (10 digits) or TCKN (11 digits), checksum verified; null when the buyer gave none.</summary>
    public string? BuyerTaxId { get; private set; }

    /// <summary>The buyer's postal address (invoice platform); null when not given.</summary>
    public string? BuyerAddress { get; private set; }

    /// <summary>
    /// Made with a sandbox (test_) organization key: kept apart from production (own number series,
    /// hidden from every production query by the model's query filter, never handed to a real provider).
    /// </summary>
    public bool IsSandbox { get; private set; }

    public string Currency { get; private set; } = DefaultCurrency;
    public decimal Subtotal { get; private set; }
    public decimal TaxTotal { get; private set; }
    public decimal DiscountTotal { get; private set; }
    public decimal GrandTotal { get; private set; }

    public string Provider { get; private set; } = DefaultProvider;
    public string? ProviderStatus { get; private set; }
    public string? ProviderInvoiceId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Set by <see cref="Issue"/>; kept when the invoice is later cancelled.</summary>
    public DateTime? IssuedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }

    public IReadOnlyList<InvoiceItem> Items => _items;

    /// <summary>The event log (e_invoice_events), oldest first as appended.</summary>
    public IReadOnlyList<InvoiceEvent> Events => _events;

    /// <summary>Webhook events raised since the invoice was loaded; not stored.</summary>
    public IReadOnlyList<InvoiceDomainEvent> PendingEvents => _pending;

    /// <summary>True once the invoice was issued (it then has a PDF), whatever happened after.</summary>
    public bool HasBeenIssued => IssuedAt is not null;

    internal void ClearEvents() => _pending.Clear();

    /// <summary>Numbers are handed out inside the transaction that inserts the invoice (see InvoiceNumberGenerator).</summary>
    internal void AssignNumber(string number)
    {
        if (Number.Length > 0)
        {
            throw new InvalidOperationException("Invoice already has a number.");
        }

        Number = number;
    }

    /// <summary>A draft with its items and totals. Raises einvoice.created (and .return_created or .credit_note_created).</summary>
    public static Invoice Create(NewInvoice data, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(data);
        var buyerName = (data.BuyerName ?? "").Trim();
        if (buyerName.Length == 0 || buyerName.Length > BuyerNameMaxLength)
        {
            throw new InvoiceRuleException($"Alıcı adı 1 ile {BuyerNameMaxLength} karakter arasında olmalı.");
        }

        var email = Blank(data.BuyerEmail)?.ToLowerInvariant();
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            throw new InvoiceRuleException("Alıcı e-posta adresi geçersiz.");
        }

        var phone = Blank(data.BuyerPhone);
        if (phone is not null && (phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '(' or ')' or '-')))
        {
            throw new InvoiceRuleException("Alıcı telefonu geçersiz.");
        }

        var taxId = Blank(data.BuyerTaxId);
        if (taxId is not null && !TaxNumber.IsValid(taxId))
        {
            throw new InvoiceRuleException("Alıcı vergi numarası geçersiz: 10 haneli VKN ya da 11 haneli TCKN olmalı.");
        }

        var address = Blank(data.BuyerAddress);
        if (address?.Length > BuyerAddressMaxLength)
        {
            throw new InvoiceRuleException($"Alıcı adresi en fazla {BuyerAddressMaxLength} karakter olabilir.");
        }

        var orderNo = Blank(data.MarketplaceOrderNo);
        if (orderNo?.Length > OrderNoMaxLength)
        {
            throw new InvoiceRuleException($"Pazaryeri sipariş numarası en fazla {OrderNoMaxLength} karakter olabilir.");
        }

        var currency = Blank(data.Currency) ?? DefaultCurrency;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new InvoiceRuleException("Para birimi üç büyük harfli bir kod olmalı (ör. TRY).");
        }

        var provider = Blank(data.Provider) ?? DefaultProvider;
        if (provider.Length > ProviderMaxLength)
        {
            throw new InvoiceRuleException($"Sağlayıcı adı en fazla {ProviderMaxLength} karakter olabilir.");
        }

        if (data.Items is null || data.Items.Count == 0)
        {
            throw new InvoiceRuleException("Faturada en az bir kalem olmalı.");
        }

        if (data.Items.Count > MaxItems)
        {
            throw new InvoiceRuleException($"Faturada en fazla {MaxItems} kalem olabilir.");
        }

        var invoice = new Invoice
        {
            Ettn = Guid.NewGuid(),
            CustomerOrganizationId = data.CustomerOrganizationId,
            UserId = data.UserId,
            RelatedInvoiceId = data.RelatedInvoiceId,
            Status = InvoiceStatus.Draft,
            Type = data.Type,
            Marketplace = data.Marketplace,
            MarketplaceOrderNo = orderNo,
            BuyerName = buyerName,
            BuyerEmail = email,
            BuyerPhone = phone,
            BuyerTaxId = taxId,
            BuyerAddress = address,
            IsSandbox = data.IsSandbox,
            Currency = currency,
            Provider = provider,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < data.Items.Count; i++)
        {
            invoice._items.Add(InvoiceItem.Create(i + 1, data.Items[i]));
        }

        // The sum rule: totals are sums of the already rounded lines, never a rounding of a sum.
        invoice.Subtotal = invoice._items.Sum(i => i.Subtotal);
        invoice.DiscountTotal = invoice._items.Sum(i => i.DiscountAmount);
        invoice.TaxTotal = invoice._items.Sum(i => i.VatAmount);
        invoice.GrandTotal = invoice._items.Sum(i => i.LineTotal);

        invoice.Log(InvoiceEvent.Created, now, new JsonObject
        {
            ["status"] = InvoiceCodes.ToCode(invoice.Status),
            ["type"] = InvoiceCodes.ToCode(invoice.Type),
            ["grand_total"] = invoice.GrandTotal,
        });
        invoice.Raise(InvoiceDomainEvent.Created, now);
        if (data.Type == InvoiceType.Return)
        {
            invoice.Raise(InvoiceDomainEvent.ReturnCreated, now);
        }
        else if (data.Type == InvoiceType.CreditNote)
        {
            invoice.Raise(InvoiceDomainEvent.CreditNoteCreated, now);
        }

        return invoice;
    }

    public bool CanMoveTo(InvoiceStatus status) => InvoiceLifecycle.CanMove(Status, status);

    /// <summary>Queued for the provider.</summary>
    public void Queue(DateTime now) => MoveTo(InvoiceStatus.Queued, now, reason: null);

    /// <summary>Issued: sets <see cref="IssuedAt"/>; the PDF is rendered by InvoiceService with this save.</summary>
    public void Issue(DateTime now) => MoveTo(InvoiceStatus.Issued, now, reason: null);

    /// <summary>Sent to the buyer or the provider.</summary>
    public void MarkSent(DateTime now) => MoveTo(InvoiceStatus.Sent, now, reason: null);

    public void Accept(DateTime now) => MoveTo(InvoiceStatus.Accepted, now, reason: null);

    public void Reject(string? reason, DateTime now) => MoveTo(InvoiceStatus.Rejected, now, reason);

    public void Cancel(string? reason, DateTime now) => MoveTo(InvoiceStatus.Cancelled, now, reason);

    /// <summary>The provider refused a queued invoice (invoice platform); raises einvoice.status_changed.</summary>
    public void Fail(string? reason, DateTime now) => MoveTo(InvoiceStatus.Failed, now, reason);

    /// <summary>
    /// Records what the provider says (provider-status of the API): sets the provider status and id,
    /// appends provider_status_updated with {provider_status, provider_invoice_id, raw}, and when the
    /// status is accepted, rejected or cancelled moves the invoice there (raising einvoice.status_changed
    /// or einvoice.cancelled). A move the lifecycle does not allow (a draft "accepted", a cancelled
    /// invoice "accepted" by a late callback) is not made: the provider's word is still recorded, and
    /// the answer is false. Returns true when the status moved.
    /// </summary>
    public bool ApplyProviderStatus(string providerStatus, string? providerInvoiceId, JsonElement? raw, DateTime now)
    {
        var status = (providerStatus ?? "").Trim();
        if (status.Length == 0 || status.Length > ProviderStatusMaxLength)
        {
            throw new InvoiceRuleException($"Sağlayıcı durumu 1 ile {ProviderStatusMaxLength} karakter arasında olmalı.");
        }

        var providerId = Blank(providerInvoiceId);
        if (providerId?.Length > ProviderInvoiceIdMaxLength)
        {
            throw new InvoiceRuleException($"Sağlayıcı fatura numarası en fazla {ProviderInvoiceIdMaxLength} karakter olabilir.");
        }

        if (raw is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            throw new InvoiceRuleException("Sağlayıcı verisi (raw) bir nesne ya da dizi olmalı.");
        }

        ProviderStatus = status;
        if (providerId is not null)
        {
            ProviderInvoiceId = providerId;
        }

        UpdatedAt = now;
        Log(InvoiceEvent.ProviderStatusUpdated, now, new JsonObject
        {
            ["provider_status"] = status,
            ["provider_invoice_id"] = providerId,
            ["raw"] = raw is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } element ? JsonNode.Parse(element.GetRawText()) : null,
        });

        var target = status.ToLowerInvariant() switch
        {
            "accepted" => InvoiceStatus.Accepted,
            "rejected" => InvoiceStatus.Rejected,
            "cancelled" or "canceled" => InvoiceStatus.Cancelled,
            _ => (InvoiceStatus?)null,
        };
        if (target is not { } next || next == Status || !CanMoveTo(next))
        {
            return false;
        }

        MoveTo(next, now, reason: "provider");
        return true;
    }

    private void MoveTo(InvoiceStatus next, DateTime now, string? reason)
    {
        if (!CanMoveTo(next))
        {
            throw new InvoiceRuleException(
                $"{InvoiceCodes.Label(Status)} durumundaki fatura {InvoiceCodes.Label(next).ToLower(System.Globalization.CultureInfo.GetCultureInfo("tr-TR"))} durumuna geçemez.");
        }

        var from = Status;
        Status = next;
        UpdatedAt = now;
        if (next == InvoiceStatus.Issued)
        {
            IssuedAt = now;
        }
        else if (next == InvoiceStatus.Cancelled)
        {
            CancelledAt = now;
        }

        var payload = new JsonObject
        {
            ["from"] = InvoiceCodes.ToCode(from),
            ["to"] = InvoiceCodes.ToCode(next),
        };
        if (Blank(reason) is { } why)
        {
            payload["reason"] = why;
        }

        Log(InvoiceEvent.StatusChanged, now, payload);
        Raise(
            next switch
            {
                InvoiceStatus.Issued => InvoiceDomainEvent.Issued,
                InvoiceStatus.Sent => InvoiceDomainEvent.Sent,
                InvoiceStatus.Cancelled => InvoiceDomainEvent.Cancelled,
                _ => InvoiceDomainEvent.StatusChanged,
            },
            now);
    }

    private void Log(string type, DateTime now, JsonObject payload) =>
        _events.Add(new InvoiceEvent(type, payload.ToJsonString(), now));

    private void Raise(string type, DateTime now) => _pending.Add(new InvoiceDomainEvent(type, this, now));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What a caller gives to make an invoice; see <see cref="Invoice.Create"/>.</summary>
public sealed record NewInvoice(
    int CustomerOrganizationId,
    InvoiceType Type,
    Marketplace? Marketplace,
    string? MarketplaceOrderNo,
    string BuyerName,
    string? BuyerEmail,
    string? BuyerPhone,
    string? BuyerTaxId,
    IReadOnlyList<NewInvoiceItem> Items,
    string? Currency = Invoice.DefaultCurrency,
    string? Provider = Invoice.DefaultProvider,
    int? UserId = null,
    int? RelatedInvoiceId = null,
    string? BuyerAddress = null,
    bool IsSandbox = false);
