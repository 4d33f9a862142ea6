using Destek.Core.Data;
using Destek.Core.Idempotency;
using Microsoft.Extensions.Logging;

namespace Destek.Core.Invoices;

/// <summary>
/// The group commit behind the invoice platform's creates: a batch of invoices, their numbers, webhook rows
/// and idempotency keys with their answers in one transaction (three transactions per create, key claimed,
/// invoice written, answer kept, made the write lock the limit at about 300 creates/s on two cores).
/// </summary>
public sealed class InvoiceCreateQueue(InvoicePlatformService platform, ILogger<InvoiceCreateQueue> logger)
    : GroupCommitQueue<InvoiceCreate, InvoiceCreated>(logger)
{
    /// <summary>Checks and builds the invoice now (rule errors throw here) and completes once it and its key are committed.</summary>
    public Task<InvoiceCreated> CreateAsync(PlatformScope scope, NewInvoice data, IdempotencyClaim claim, Func<Invoice, KeptAnswer> answer) =>
        EnqueueAsync(platform.Prepare(scope, data, claim, answer));

    protected override InvoiceCreate Renew(InvoiceCreate work) => platform.Prepare(work.Scope, work.Data, work.Claim, work.Answer);

    protected override Task<IReadOnlyList<InvoiceCreated>> SaveAsync(IReadOnlyList<InvoiceCreate> batch) => platform.SaveAsync(batch);
}
