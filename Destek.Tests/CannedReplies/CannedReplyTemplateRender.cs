using Destek.Core.Tickets;

namespace Destek.Tests.CannedReplies;

/// <summary>CannedReplyTemplate: placeholders filled as plain text, unknown ones left alone and flagged.</summary>
public sealed class CannedReplyTemplateRender
{
    private static readonly CannedReplyContext Context = new("Ayşe Kaya", "ayse@firma.com", "SUP-2026-000042", "Fatura yazdırılamıyor", "Mehmet Demir");

    [Fact]
    public void FillsEveryKnownPlaceholder()
    {
        var text = CannedReplyTemplate.Render(
            "Sayın {{musteri.ad}} ({{ musteri.eposta }}), {{talep.numara}} «{{talep.konu}}» talebiniz inceleniyor. — {{temsilci.ad}}", Context);

        Assert.Equal("Sayın Ayşe Kaya (ayse@firma.com), SUP-2026-000042 «Fatura yazdırılamıyor» talebiniz inceleniyor. — Mehmet Demir", text);
    }

    [Fact]
    public void LeavesUnknownPlaceholdersAsWrittenAndFlagsEachOnce()
    {
        const string body = "Merhaba {{musteri.soyad}}, {{musteri.ad}} {{siparis.no}} {{musteri.soyad}} {tek}";

        Assert.Equal("Merhaba {{musteri.soyad}}, Ayşe Kaya {{siparis.no}} {{musteri.soyad}} {tek}", CannedReplyTemplate.Render(body, Context));
        Assert.Equal(["musteri.soyad", "siparis.no"], CannedReplyTemplate.Unknown(body));
        Assert.Empty(CannedReplyTemplate.Unknown("{{talep.numara}} {{temsilci.ad}}"));
    }

    [Fact]
    public void ValuesAreNotReadAsPlaceholdersAgain()
    {
        var sneaky = Context with { CustomerName = "{{temsilci.ad}}" };

        Assert.Equal("Sayın {{temsilci.ad}}", CannedReplyTemplate.Render("Sayın {{musteri.ad}}", sneaky));
    }
}
