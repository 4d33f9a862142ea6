using System.Globalization;
using System.Text.Json;
using Destek.Core.Customers;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Invoices;

/// <summary>
/// First-run demo invoices (called by DemoSeeder): two customer organizations and a few hundred
/// invoices across statuses, types and marketplaces, each moved through the same methods as real
/// work, so the event log is real. Does nothing once an organization exists. The PDFs of the issued
/// ones are rendered afterwards in the background (<see cref="InvoicePdfBackfill"/>), so start-up does
/// not wait for them.
/// </summary>
public sealed class InvoiceDemoSeeder(IDbContextFactory<DestekDbContext> dbFactory, InvoiceNumberGenerator numbers, IOptions<InvoiceOptions> options, TimeProvider clock)
{
    public const string FirstOrganizationName = "Anadolu Ticaret A.Ş.";
    public const string FirstOrganizationTaxId = "1234567890";
    public const string SecondOrganizationName = "Çınar Elektronik Ltd. Şti.";
    public const string SecondOrganizationTaxId = "9876543217";

    private static readonly string[] Buyers =
    [
        "Ahmet Yılmaz", "Ayşe Kaya", "Mehmet Öztürk", "Fatma Şahin", "Mustafa Çelik", "Zeynep Aydın", "Emre Doğan",
        "Elif Arslan", "Burak Koç", "Selin Kılıç", "Gülşen Aslan", "Oğuz Çetin", "İrem Yıldız", "Çağrı Güneş",
    ];

    private static readonly string[] Companies =
    [
        "Boğaziçi Gıda San. Tic. A.Ş.", "Ege Yazılım Ltd. Şti.", "Karadeniz Lojistik A.Ş.", "Güneydoğu Tekstil Ltd. Şti.",
    ];

    private static readonly (string Sku, string Name, decimal Price, decimal Vat)[] Products =
    [
        ("KLV-101", "Kablosuz klavye, Türkçe Q", 749.90m, 20m),
        ("MOU-220", "Ergonomik mouse", 389.50m, 20m),
        ("KTP-015", "Çocuk kitabı: Küçük Prens", 64.99m, 0m),
        ("CAY-500", "Rize çayı 500 g", 142.75m, 1m),
        ("KHV-250", "Türk kahvesi 250 g", 118.40m, 1m),
        ("TSH-042", "Pamuklu tişört, siyah", 299.99m, 10m),
        ("ÇNT-310", "Sırt çantası, su geçirmez", 1249.00m, 20m),
        ("ŞRJ-065", "65 W USB-C şarj cihazı", 899.00m, 20m),
        ("ÖRT-180", "Keten masa örtüsü 180 cm", 459.90m, 10m),
        ("İLÇ-007", "Ağrı kesici krem 50 ml", 87.35m, 10m),
    ];

    private static readonly Marketplace[] MarketplaceList = [Marketplace.Trendyol, Marketplace.Hepsiburada, Marketplace.Amazon, Marketplace.N11];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CustomerOrganizations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var first = CustomerOrganization.Create(FirstOrganizationName, FirstOrganizationTaxId, now.AddDays(-200));
        var second = CustomerOrganization.Create(SecondOrganizationName, SecondOrganizationTaxId, now.AddDays(-180));
        db.CustomerOrganizations.AddRange(first, second);
        await db.SaveChangesAsync(cancellationToken);

        var customer = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoSeeder.CustomerEmail, cancellationToken);
        if (customer is not null && customer.CustomerOrganizationId is null)
        {
            customer.CustomerOrganizationId = first.Id;
        }

        var random = new Random(20261123);
        var count = Math.Max(0, options.Value.DemoInvoiceCount);
        var start = now.AddDays(-120);
        var step = count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((now.AddHours(-8) - start).Ticks / count);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var created = start + (step * i) + TimeSpan.FromMinutes(random.Next(0, 30));
            var invoice = Invoice.Create(NewDemoInvoice(random, i % 3 == 2 ? second.Id : first.Id, customer?.Id), created);
            invoice.AssignNumber(await numbers.NextAsync(db, created, cancellationToken));
            MoveThroughLifecycle(invoice, random, created);
            db.Invoices.Add(invoice);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NewInvoice NewDemoInvoice(Random random, int organizationId, int? userId)
    {
        var roll = random.Next(100);
        var type = roll < 80 ? InvoiceType.Sale : roll < 92 ? InvoiceType.Return : InvoiceType.CreditNote;
        var marketplace = MarketplaceList[random.Next(MarketplaceList.Length)];
        var company = random.Next(4) == 0;
        var buyer = company ? Companies[random.Next(Companies.Length)] : Buyers[random.Next(Buyers.Length)];
        var items = new List<NewInvoiceItem>();
        var lines = random.Next(1, 6);
        for (var line = 0; line < lines; line++)
        {
            var (sku, name, price, vat) = Products[random.Next(Products.Length)];
            var quantity = random.Next(1, 4);
            var discount = random.Next(5) == 0 ? Money.Round(price * quantity * 0.1m) : 0m;
            items.Add(new NewInvoiceItem(sku, name, quantity, price, vat, discount));
        }

        var prefix = marketplace switch
        {
            Marketplace.Trendyol => "TY",
            Marketplace.Hepsiburada => "HB",
            Marketplace.Amazon => "AMZ",
            _ => "N11",
        };
        return new NewInvoice(
            organizationId,
            type,
            marketplace,
            $"{prefix}-{random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)}",
            buyer,
            $"fatura{random.Next(100, 999)}@ornek.com.tr",
            $"+905{random.Next(30, 59)}{random.Next(1_000_000, 9_999_999)}",
            company ? RandomVkn(random) : RandomTckn(random),
            items,
            UserId: userId);
    }

    /// <summary>draft 8 %, queued 7 %, issued 20 %, sent 20 %, accepted 30 %, rejected 8 %, cancelled after issuing 7 %.</summary>
    private static void MoveThroughLifecycle(Invoice invoice, Random random, DateTime created)
    {
        var roll = random.Next(100);
        if (roll < 8)
        {
            return;
        }

        invoice.Queue(created.AddMinutes(2));
        if (roll < 15)
        {
            return;
        }

        invoice.Issue(created.AddMinutes(5));
        if (roll < 35)
        {
            return;
        }

        if (roll >= 93)
        {
            invoice.Cancel("Müşteri siparişi iptal etti.", created.AddHours(3));
            return;
        }

        invoice.MarkSent(created.AddMinutes(20));
        invoice.ApplyProviderStatus("queued", $"PRV-{invoice.Number[^6..]}", null, created.AddMinutes(25));
        if (roll < 55)
        {
            return;
        }

        var accepted = roll < 85;
        using var raw = JsonDocument.Parse(accepted ? """{"provider_message":"OK"}""" : """{"provider_message":"Alıcı VKN/TCKN doğrulanamadı"}""");
        invoice.ApplyProviderStatus(accepted ? "accepted" : "rejected", null, raw.RootElement.Clone(), created.AddHours(2));
    }

    private static string RandomTckn(Random random)
    {
        var d = new int[11];
        d[0] = random.Next(1, 10);
        for (var i = 1; i < 9; i++)
        {
            d[i] = random.Next(10);
        }

        d[9] = ((((d[0] + d[2] + d[4] + d[6] + d[8]) * 7) - (d[1] + d[3] + d[5] + d[7])) % 10 + 10) % 10;
        d[10] = d.Take(10).Sum() % 10;
        return string.Concat(d);
    }

    private static string RandomVkn(Random random)
    {
        var d = new int[10];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            d[i] = random.Next(10);
            var digit = (d[i] + 9 - i) % 10;
            var weighted = digit * (1 << (9 - i)) % 9;
            sum += digit != 0 && weighted == 0 ? 9 : weighted;
        }

        d[9] = (10 - (sum % 10)) % 10;
        return string.Concat(d);
    }
}
