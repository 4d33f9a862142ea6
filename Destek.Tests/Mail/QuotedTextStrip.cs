using Destek.Core.Mail;

namespace Destek.Tests.Mail;

/// <summary>What is left of an answer: the new text, without quoted history or signature.</summary>
public sealed class QuotedTextStrip
{
    [Theory]
    [InlineData("Tamam, teşekkürler.\n\n23 Kas 2026 Pzt, 10:00 tarihinde Destek <destek@x.com> şunu yazdı:\n> eski")]
    [InlineData("Tamam, teşekkürler.\n\n23 Kas 2026 Pzt, 10:00 tarihinde Destek <destek@x.com>\nşunu yazdı:\n\n> eski")]
    [InlineData("Tamam, teşekkürler.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Destek <destek@x.com> wrote:\n> old")]
    [InlineData("Tamam, teşekkürler.\r\n\r\nOn Mon, Nov 23, 2026 at 10:00 AM Destek\r\n<destek@x.com> wrote:\r\n> old")]
    [InlineData("Tamam, teşekkürler.\n\n-- \nAhmet Yılmaz\nSatış")]
    [InlineData("Tamam, teşekkürler.\n\n________________________________\nFrom: Destek <destek@x.com>\nSent: Monday\nTo: Ahmet\nSubject: Talep\n\neski")]
    [InlineData("Tamam, teşekkürler.\n\nKimden: Destek <destek@x.com>\nGönderildi: 23 Kasım 2026 Pazartesi\nKime: Ahmet\nKonu: Talep\n\neski")]
    [InlineData("Tamam, teşekkürler.\n\n-----Original Message-----\nFrom: Destek\neski")]
    [InlineData("> eski satır\nTamam, teşekkürler.\n>> daha eski")]
    public void KeepsOnlyTheNewText(string mail) => Assert.Equal("Tamam, teşekkürler.", QuotedText.Strip(mail));

    [Fact]
    public void AFromLineInTheTextItselfIsKept() =>
        Assert.Equal("From: İstanbul ofisi yazıyorum.\nSipariş 42 gelmedi.", QuotedText.Strip("From: İstanbul ofisi yazıyorum.\nSipariş 42 gelmedi."));

    [Fact]
    public void HtmlBecomesTextWithoutTheQuotedBlock() =>
        Assert.Equal("Merhaba &\nteşekkürler.", QuotedText.Strip(QuotedText.FromHtml("<div>Merhaba &amp;<br>teşekkürler.</div><blockquote>eski</blockquote>")));
}
