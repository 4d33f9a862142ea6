using Destek.Core.Identity;
using Destek.Core.Mail;
using Destek.Core.Organization;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Data;

/// <summary>
/// First-run demo data (Destek:Demo:Seed): departments, the four demo users and about forty
/// Turkish tickets with conversations, made through the same ticket methods as real work.
/// Runs once: it does nothing when the demo admin already exists.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<DestekDbContext> dbFactory, UserAdmin users, IOptions<DestekOptions> options, TimeProvider clock, Invoices.InvoiceDemoSeeder invoiceDemo)
{
    public const string AdminEmail = "admin@destek.local";
    public const string AgentEmail = "agent@destek.local";
    public const string Agent2Email = "agent2@destek.local";
    public const string CustomerEmail = "customer@destek.local";

    private static readonly string[] Requesters =
    [
        "Ahmet Yılmaz", "Ayşe Kaya", "Mehmet Demir", "Fatma Şahin", "Mustafa Çelik", "Zeynep Aydın", "Emre Öztürk",
        "Elif Arslan", "Burak Doğan", "Selin Koç", "Hakan Kılıç", "Gizem Aslan", "Oğuz Çetin", "İrem Yıldız",
    ];

    private static readonly (string Title, string Body, string Category, string Reply)[] Scenarios =
    [
        ("Siparişim hâlâ kargoya verilmedi", "Beş gün önce verdiğim 10482 numaralı sipariş hâlâ 'hazırlanıyor' görünüyor. Ne zaman kargoya verilir?", "siparis_sorunu", "Merhaba, siparişiniz bugün depodan çıkacak; takip numarası size e-posta ile iletilecek."),
        ("Faturamda yanlış vergi numarası var", "Şirketimizin vergi numarası faturada eksik yazılmış, düzeltilmiş fatura rica ediyorum.", "odeme_sorunu", "Düzeltilmiş faturanız hazırlanıyor, muhasebe ekibimiz bugün iletecek."),
        ("Şifremi sıfırlayamıyorum", "Şifre sıfırlama bağlantısı gelmiyor, spam klasörünü de kontrol ettim.", "hesap_sorunu", "Hesabınızdaki e-posta adresinde bir yazım hatası vardı, düzelttik. Bağlantıyı tekrar isteyebilirsiniz."),
        ("Kredi kartından iki kez çekim yapıldı", "Dünkü ödememde kartımdan aynı tutar iki kez çekildi. İadesini talep ediyorum.", "odeme_sorunu", "Mükerrer çekimi tespit ettik, iade işlemi başlatıldı. Bankanıza bağlı olarak 3-7 iş günü sürebilir."),
        ("Ürün açıklamasındaki ölçüler doğru mu?", "Çalışma masasının genişliği 120 cm mi 140 cm mi? Sayfada iki farklı bilgi var.", "urun_sorusu", "Doğru ölçü 140 cm'dir, sayfadaki hatayı düzelttik. Bilgilendirmeniz için teşekkürler."),
        ("Mobil uygulama açılışta kapanıyor", "Android 14 yüklü telefonumda uygulama açılır açılmaz kapanıyor.", "teknik_sorun", "Sorun son sürümde giderildi; uygulamayı güncelleyip tekrar dener misiniz?"),
        ("İade kargo kodu gelmedi", "İade talebim onaylandı ama kargo kodu bana ulaşmadı.", "iade_iptal", "Kargo kodunuz SMS ile yeniden gönderildi: 7F3K9."),
        ("Aboneliğimi iptal etmek istiyorum", "Yıllık aboneliğimi dönem sonunda yenilenmeyecek şekilde iptal etmek istiyorum.", "iade_iptal", "Otomatik yenileme kapatıldı; aboneliğiniz dönem sonuna kadar aktif kalacak."),
        ("ERP entegrasyonunda 401 hatası", "API anahtarımızla yaptığımız isteklerde 401 alıyoruz, secret'ı yeniledik.", "api_entegrasyonu", "Yeni secret'ın X-API-Secret başlığında gönderildiğini kontrol eder misiniz? Eski secret artık geçersiz."),
        ("E-fatura PDF'i açılmıyor", "Gelen e-fatura PDF dosyası bozuk görünüyor, açılmıyor.", "teknik_sorun", "PDF yeniden oluşturuldu ve e-postanıza gönderildi."),
        ("Kampanya kodu sepette çalışmıyor", "KASIM25 kodunu girdiğimde 'geçersiz kod' uyarısı alıyorum.", "siparis_sorunu", "Kampanya yalnızca 500 TL üzeri sepetlerde geçerli; sepetiniz 480 TL olduğu için uygulanmadı."),
        ("Hesabıma başka cihazdan giriş yapılmış", "Tanımadığım bir cihazdan giriş bildirimi aldım, hesabımı güvene almak istiyorum.", "hesap_sorunu", "Tüm oturumlarınızı kapattık; lütfen şifrenizi değiştirin ve iki adımlı doğrulamayı açın."),
        ("Toplu sipariş için fiyat teklifi", "Şirketimiz için 200 adet ürün almak istiyoruz, toplu alım indirimi var mı?", "urun_sorusu", "Satış ekibimiz size özel teklif hazırlayıp yarın iletecek."),
        ("Raporlar ekranı çok yavaş", "Aylık satış raporu açılırken 2 dakika bekliyoruz.", "teknik_sorun", "Rapor sorgusunu iyileştirdik, şimdi birkaç saniyede açılıyor olmalı."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var password = options.Value.Demo.Password;
        List<Department> departments;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.AnyAsync(u => u.Email == AdminEmail, cancellationToken))
            {
                return;
            }

            foreach (var name in new[] { "Bilgi İşlem", "Muhasebe", "Satış" })
            {
                if (!await db.Departments.AnyAsync(d => d.Name == name, cancellationToken))
                {
                    db.Departments.Add(new Department(name));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            departments = await db.Departments.OrderBy(d => d.Id).ToListAsync(cancellationToken);
        }

        int Dept(string name) => departments.Single(d => d.Name == name).Id;
        var service = Dept(ReferenceData.DefaultDepartment);
        var it = Dept("Bilgi İşlem");
        var accounting = Dept("Muhasebe");

        var admin = await users.CreateAsync(AdminEmail, Roles.Admin, password, "Yönetici Admin", [], cancellationToken);
        var agent = await users.CreateAsync(AgentEmail, Roles.Agent, password, "Mehmet Demir", [service, it], cancellationToken);
        var agent2 = await users.CreateAsync(Agent2Email, Roles.Agent, password, "Zeynep Arslan", [service, accounting], cancellationToken);
        var customer = await users.CreateAsync(CustomerEmail, Roles.Customer, password, "Ahmet Yılmaz", [], cancellationToken);
        _ = admin;

        var agents = new[]
        {
            new StaffMember(agent.Id, agent.FullName, agent.Email, false, [service, it]),
            new StaffMember(agent2.Id, agent2.FullName, agent2.Email, false, [service, accounting]),
        };

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
            var random = new Random(20261122);
            var now = clock.GetUtcNow().UtcDateTime;
            var statuses = new[] { TicketStatus.Open, TicketStatus.Open, TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed };
            for (var i = 0; i < 40; i++)
            {
                var scenario = Scenarios[i % Scenarios.Length];
                var department = scenario.Category switch
                {
                    "teknik_sorun" or "api_entegrasyonu" or "hesap_sorunu" => it,
                    "odeme_sorunu" => accounting,
                    _ => service,
                };
                var isCustomer = i % 7 == 0;
                var requester = isCustomer ? customer.FullName : Requesters[i % Requesters.Length];
                var email = isCustomer ? CustomerEmail : $"{Slug(requester)}{i}@ornek.com.tr";
                var created = now.AddHours(-(40 - i) * 9).AddMinutes(-random.Next(0, 50));
                var source = (TicketSource)(i % 4);
                var ticket = Ticket.Open(new NewTicket
                {
                    Title = scenario.Title,
                    Description = scenario.Body,
                    DepartmentId = department,
                    Source = source,
                    RequesterName = requester,
                    RequesterEmail = email,
                    RequesterPhone = i % 3 == 0 ? $"+90 5{random.Next(30, 59)} {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}" : null,
                    CustomerId = isCustomer ? customer.Id : null,
                    Priority = (TicketPriority)random.Next(0, 4),
                    CategoryId = categories[scenario.Category].Id,
                }, Actor.Customer(requester, email, isCustomer ? customer.Id : null), created);
                db.Tickets.Add(ticket);

                var status = statuses[i % statuses.Length];
                var handler = agents.FirstOrDefault(a => a.DepartmentIds.Contains(department));
                if (status != TicketStatus.Open || i % 2 == 0)
                {
                    if (handler is not null && i % 5 != 1)
                    {
                        ticket.Assign(handler, Actor.Staff(handler), created.AddMinutes(20));
                    }
                }

                if (status != TicketStatus.Open && handler is not null)
                {
                    var by = Actor.Staff(handler);
                    ticket.ChangeStatus(TicketStatus.InProgress, by, created.AddMinutes(30));
                    ticket.AddNote("Müşterinin önceki talepleri kontrol edildi, ilgili ekiple görüşülüyor.", by, created.AddMinutes(35));
                    ticket.Reply(scenario.Reply, by, created.AddHours(2));
                    if (i % 3 == 0)
                    {
                        ticket.Reply("Teşekkür ederim, bilgilendirme için sağ olun.", Actor.Customer(requester, email), created.AddHours(3));
                    }

                    if (status is TicketStatus.Resolved or TicketStatus.Closed)
                    {
                        ticket.ChangeStatus(status, by, created.AddHours(4));
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);

            // The demo tickets are made-up history: their events must not mail the made-up requesters.
            await db.Set<OutboxMail>().ExecuteDeleteAsync(cancellationToken);
        }

        await invoiceDemo.SeedAsync(cancellationToken);
    }

    private static string Slug(string name) => new(name.ToLowerInvariant()
        .Replace('ı', 'i').Replace('ş', 's').Replace('ğ', 'g').Replace('ü', 'u').Replace('ö', 'o').Replace('ç', 'c')
        .Where(char.IsAsciiLetter).ToArray());
}
