using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

/// <summary>
/// With demo data on (Destek:Demo:Seed), renders after start-up the PDF of every issued invoice that
/// has none on disk, so the demo's few hundred PDFs do not delay start-up. <see cref="Completion"/>
/// finishes when the pass is done (at once when demo data is off).
/// </summary>
public sealed partial class InvoicePdfBackfill(
    IDbContextFactory<DestekDbContext> dbFactory,
    InvoicePdfRenderer renderer,
    InvoicePdfStore pdfs,
    IOptions<DestekOptions> options,
    ILogger<InvoicePdfBackfill> logger) : BackgroundService
{
    private const int Batch = 50;
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The number of PDFs the pass wrote.</summary>
    public Task<int> Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Demo.Seed)
        {
            _done.TrySetResult(0);
            return;
        }

        try
        {
            var written = await RunAsync(stoppingToken);
            _done.TrySetResult(written);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            LogFailed(e);
            _done.TrySetException(e);
        }
    }

    /// <summary>One pass over the issued invoices, in id order; returns how many PDFs it wrote.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var written = 0;
        var after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Invoices.AsNoTracking()
                .Where(i => i.Id > after && i.IssuedAt != null)
                .OrderBy(i => i.Id)
                .Take(Batch)
                .Include(i => i.Items)
                .Include(i => i.CustomerOrganization)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var invoice in batch)
            {
                if (!pdfs.Exists(invoice))
                {
                    await pdfs.SaveAsync(invoice, renderer.Render(invoice, invoice.CustomerOrganization!), cancellationToken);
                    written++;
                }
            }

            after = batch[^1].Id;
        }

        if (written > 0)
        {
            LogWritten(written);
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} missing invoice PDFs.")]
    private partial void LogWritten(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the missing invoice PDFs failed.")]
    private partial void LogFailed(Exception exception);
}
