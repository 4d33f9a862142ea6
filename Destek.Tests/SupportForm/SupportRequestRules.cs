using System.Text;
using Destek.Core.SupportForm;
using Destek.Core.Tickets;

namespace Destek.Tests.SupportForm;

/// <summary>The support form document's serializer rules, each accepted and refused, through the one shared validator.</summary>
public sealed class SupportRequestRules
{
    private static readonly string[] Subjects = ["Sipariş Sorunu", "Teknik Destek", "Diğer"];

    private static SupportRequest Valid() => new()
    {
        Name = "Ayşe Kaya",
        Email = "ayse@example.com",
        Phone = "+90 555 123 45 67",
        Subject = "Sipariş Sorunu",
        Message = "Siparişim henüz gelmedi, yardımcı olur musunuz?",
    };

    private static async Task<Destek.Core.SupportForm.SupportRequestValidation> Check(SupportRequest request) =>
        await SupportRequestValidator.ValidateAsync(request, Subjects);

    private static async Task AssertRefused(SupportRequest request, string field, string message)
    {
        var result = await Check(request);
        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal([message], result.Errors[field]);
    }

    [Fact]
    public async Task AcceptsTheSeedExampleAndCleansIt()
    {
        var result = await Check(Valid() with { Name = "  Ayşe   Kaya ", Email = " AYSE@Example.COM ", Message = "  Siparişim henüz gelmedi.  " });
        Assert.True(result.IsValid);
        Assert.Equal("Ayşe Kaya", result.Request!.Name);
        Assert.Equal("ayse@example.com", result.Request.Email);
        Assert.Equal("Siparişim henüz gelmedi.", result.Request.Message);
        Assert.Equal("Sipariş Sorunu", result.Request.Subject);
    }

    [Fact]
    public async Task ReportsEveryMissingRequiredFieldAtOnce()
    {
        var result = await Check(new SupportRequest());
        Assert.Equal(["email", "message", "name", "subject"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, m => Assert.Equal([SupportRequestValidator.Required], m));
    }

    [Theory]
    [InlineData("Al")]
    [InlineData("Çağla Öztürk")]
    [InlineData("İsmail Işık Güneş Şahin")]
    [InlineData("ĞÜŞİÖÇ ğüşıöç")]
    public async Task AcceptsNamesOfTurkishLettersAndSpaces(string name) =>
        Assert.True((await Check(Valid() with { Name = name })).IsValid);

    [Fact]
    public async Task AcceptsANameOfExactlyOneHundredLetters() =>
        Assert.True((await Check(Valid() with { Name = new string('a', 100) })).IsValid);

    [Fact]
    public Task RefusesANameOfOneLetter() => AssertRefused(Valid() with { Name = " A " }, "name", SupportRequestValidator.NameTooShort);

    [Fact]
    public Task RefusesANameOverOneHundredCharacters() => AssertRefused(Valid() with { Name = new string('a', 101) }, "name", SupportRequestValidator.NameTooLong);

    [Theory]
    [InlineData("Ahmet 2")]
    [InlineData("Ahmet-Yılmaz")]
    [InlineData("O'Brien")]
    [InlineData("Ahmet.")]
    [InlineData("<script>")]
    public Task RefusesNamesWithOtherThanLetters(string name) => AssertRefused(Valid() with { Name = name }, "name", SupportRequestValidator.NameLettersOnly);

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("first.last+tag@sub.example.com.tr")]
    [InlineData("kullanici@örnek.com.tr")]
    [InlineData("admin@localhost")]
    public async Task AcceptsValidEmails(string email) => Assert.True((await Check(Valid() with { Email = email })).IsValid);

    [Theory]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("a@@b.com")]
    [InlineData("a b@c.com")]
    [InlineData(".a@b.com")]
    [InlineData("a..b@c.com")]
    [InlineData("a@-b.com")]
    [InlineData("a@b.c")]
    public Task RefusesInvalidEmails(string email) => AssertRefused(Valid() with { Email = email }, "email", SupportRequestValidator.EmailInvalid);

    [Fact]
    public Task RefusesAnEmailLongerThan254() =>
        AssertRefused(Valid() with { Email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com" }, "email", SupportRequestValidator.EmailInvalid);

    [Theory]
    [InlineData("")]
    [InlineData("5551234567")]
    [InlineData("+90 555 123 45 67")]
    [InlineData("0555-123-45-67")]
    public async Task AcceptsMissingOrValidPhones(string phone) => Assert.True((await Check(Valid() with { Phone = phone })).IsValid);

    [Theory]
    [InlineData("555 123 45")]
    [InlineData("+90 (555) 123 45 67")]
    [InlineData("555123456a")]
    [InlineData("٥٥٥١٢٣٤٥٦٧")]
    [InlineData("+90 555 123 45 67 890 1")]
    public Task RefusesInvalidPhones(string phone) => AssertRefused(Valid() with { Phone = phone }, "phone", SupportRequestValidator.PhoneInvalid);

    [Fact]
    public async Task AcceptsEveryAdminManagedSubject()
    {
        foreach (var subject in Subjects)
        {
            Assert.True((await Check(Valid() with { Subject = subject })).IsValid, subject);
        }
    }

    [Theory]
    [InlineData("Başka Bir Konu")]
    [InlineData("sipariş sorunu")]
    public Task RefusesSubjectsThatAreNotChoices(string subject) => AssertRefused(Valid() with { Subject = subject }, "subject", SupportRequestValidator.SubjectInvalid);

    [Fact]
    public async Task AcceptsMessagesOfTenAndOfTwoThousandCharactersAfterTrimming()
    {
        Assert.True((await Check(Valid() with { Message = "   " + new string('x', 10) + "   " })).IsValid);
        Assert.True((await Check(Valid() with { Message = new string('x', 2000) + "\n\n" })).IsValid);
    }

    [Fact]
    public Task RefusesAMessageShorterThanTenAfterTrimming() => AssertRefused(Valid() with { Message = "   kısa  mesaj  "[..12] }, "message", SupportRequestValidator.MessageTooShort);

    [Fact]
    public Task RefusesAMessageOverTwoThousand() => AssertRefused(Valid() with { Message = new string('x', 2001) }, "message", SupportRequestValidator.MessageTooLong);

    [Theory]
    [InlineData("rapor.pdf", "application/pdf", "%PDF-1.7")]
    [InlineData("RAPOR.PDF", "application/pdf; charset=binary", "%PDF-1.7")]
    [InlineData("foto.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0")]
    [InlineData("foto.jpeg", "image/jpg", "\xFF\xD8\xFF\xE1")]
    [InlineData("ekran.png", "image/png", "\x89PNG\r\n\x1A\n")]
    [InlineData("belge.doc", "application/msword", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")]
    [InlineData("belge.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04")]
    public async Task AcceptsAttachmentsWhoseNameTypeAndBytesAgree(string name, string type, string head) =>
        Assert.True((await Check(Valid() with { Attachment = File(name, type, Latin(head + "rest of file")) })).IsValid);

    [Theory]
    [InlineData("virus.exe", "application/pdf", "%PDF-1.7")]
    [InlineData("rapor.pdf", "application/octet-stream", "%PDF-1.7")]
    [InlineData("rapor.pdf", "image/png", "%PDF-1.7")]
    [InlineData("foto.gif", "image/gif", "GIF89a")]
    [InlineData("rapor", "application/pdf", "%PDF-1.7")]
    public Task RefusesAttachmentsOfOtherTypes(string name, string type, string head) =>
        AssertRefused(Valid() with { Attachment = File(name, type, Latin(head)) }, "attachment", SupportRequestValidator.AttachmentWrongType);

    [Theory]
    [InlineData("rapor.pdf", "application/pdf", "MZ\x90\x00\x03")]
    [InlineData("foto.png", "image/png", "%PDF-1.7")]
    [InlineData("foto.jpg", "image/jpeg", "\x89PNG\r\n\x1A\n")]
    [InlineData("belge.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "MZ\x90\x00")]
    [InlineData("rapor.pdf", "application/pdf", "%PD")]
    public Task RefusesAttachmentsWhoseBytesLie(string name, string type, string head) =>
        AssertRefused(Valid() with { Attachment = File(name, type, Latin(head)) }, "attachment", SupportRequestValidator.AttachmentContentMismatch);

    [Fact]
    public async Task AcceptsFiveMegabytesAndRefusesOneByteMore()
    {
        var exactly = new byte[SupportRequestValidator.AttachmentMaxBytes];
        "%PDF-"u8.CopyTo(exactly);
        Assert.True((await Check(Valid() with { Attachment = File("big.pdf", "application/pdf", exactly) })).IsValid);
        var over = new byte[SupportRequestValidator.AttachmentMaxBytes + 1];
        "%PDF-"u8.CopyTo(over);
        await AssertRefused(Valid() with { Attachment = File("big.pdf", "application/pdf", over) }, "attachment", SupportRequestValidator.AttachmentTooLarge);
    }

    [Fact]
    public Task RefusesAnEmptyFile() => AssertRefused(Valid() with { Attachment = File("bos.pdf", "application/pdf", []) }, "attachment", SupportRequestValidator.AttachmentEmpty);

    private static IncomingFile File(string name, string type, byte[] bytes) => new(name, type, bytes.Length, () => new MemoryStream(bytes));

    private static byte[] Latin(string text) => Encoding.Latin1.GetBytes(text);
}
