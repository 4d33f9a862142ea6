using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Destek.Tests.SupportForm.SupportFormKit;

namespace Destek.Tests.SupportForm;

/// <summary>Issue 7: the /destek form takes one file; more are refused with a message, never silently dropped.</summary>
public sealed partial class SupportFormFileLimit(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Fact]
    public async Task RefusesTwoFilesWithATurkishMessageAndSavesNothing()
    {
        using var client = ClientFromOwnIp(factory);
        var page = await client.GetStringAsync(new Uri("/destek", UriKind.Relative));
        var token = Token().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var name = "İki Dosyalı " + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).Select(c => (char)(c - 'a' + 'A')));

        using var form = new MultipartFormDataContent
        {
            { new StringContent("destek"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(name, Encoding.UTF8), "Input.Name" },
            { new StringContent("iki@example.com"), "Input.Email" },
            { new StringContent("Diğer", Encoding.UTF8), "Input.Subject" },
            { new StringContent("İki dosya ekledim, ikisine de bakın lütfen."), "Input.Message" },
        };
        foreach (var fileName in new[] { "bir.pdf", "iki.pdf" })
        {
            var file = new ByteArrayContent(Pdf());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "attachment", fileName);
        }

        var response = await client.PostAsync(new Uri("/destek", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("En fazla bir dosya ekleyebilirsiniz", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("işaretli alanları düzeltip", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterName == name)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
