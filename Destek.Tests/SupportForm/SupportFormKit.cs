using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Destek.Core.Mail;
using Destek.Core.Tickets;
using Destek.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.SupportForm;

/// <summary>Helpers the support-form tests share: clients per IP, sign-in, valid payloads, reading .eml files.</summary>
public static partial class SupportFormKit
{
    public const string TicketsPath = "/api/support/tickets/";
    private static int _nextIp;

    /// <summary>A client whose requests come from their own IP (X-Forwarded-For, believed from loopback), so rate limits do not mix.</summary>
    public static HttpClient ClientFromOwnIp(DestekAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", NewIp());
        return client;
    }

    public static string NewIp()
    {
        var n = Interlocked.Increment(ref _nextIp);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>Signs in through the real /giris form and returns a client carrying the cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(DestekAppFactory factory, string email)
    {
        // Redirects are not followed: where staff land (/masa) is not this test's business.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", NewIp());
        var page = await client.GetStringAsync(new Uri("/giris", UriKind.Relative));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "giris",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = DestekAppFactory.Password,
        });
        var response = await client.PostAsync(new Uri("/giris", UriKind.Relative), form);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        Assert.DoesNotContain("/giris", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        return client;
    }

    public static Dictionary<string, string> ValidFields(string? name = null) => new()
    {
        ["name"] = name ?? "Ahmet Yılmaz",
        ["email"] = "Ahmet@Example.com",
        ["phone"] = "+90 555 123 45 67",
        ["subject"] = "Sipariş Sorunu",
        ["message"] = "Siparişim henüz gelmedi, durumunu kontrol edebilir misiniz?",
    };

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(new Uri(TicketsPath, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, IDictionary<string, string> fields, string? fileName = null, string? contentType = null, byte[]? bytes = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), key);
        }

        if (fileName is not null)
        {
            var file = new ByteArrayContent(bytes ?? []);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
            content.Add(file, "attachment", fileName);
        }

        return client.PostAsync(new Uri(TicketsPath, UriKind.Relative), content);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static Task<int> TicketCountAsync(DestekAppFactory factory) =>
        factory.WithDbAsync(db => db.Tickets.CountAsync());

    public static Task<Ticket> TicketAsync(DestekAppFactory factory, string number) =>
        factory.WithDbAsync(db => db.Tickets.Include(t => t.Category).Include(t => t.Department).Include(t => t.Attachments).SingleAsync(t => t.Number == number));

    public static Task<List<OutboxMail>> MailsForAsync(DestekAppFactory factory, int ticketId) =>
        factory.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.TicketId == ticketId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Creates a ticket through the API and returns its number.</summary>
    public static async Task<string> CreateTicketAsync(DestekAppFactory factory, IDictionary<string, string>? fields = null)
    {
        using var client = ClientFromOwnIp(factory);
        var response = await PostFormAsync(client, fields ?? ValidFields());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("data").GetProperty("ticket_number").GetString()!;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>The subject and text body of an .eml file, MIME encodings undone.</summary>
    public static (string Subject, string To, string Body) ReadEml(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = Regex.Replace(raw[..split], "\n[ \t]+", " ");
        var headers = headerText.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw[(split + 2)..];
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "").ToLowerInvariant();
        body = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => body,
        };
        return (DecodeWords(headers.GetValueOrDefault("Subject", "")), DecodeWords(headers.GetValueOrDefault("To", "")), body);
    }

    /// <summary>RFC 2047 words; adjacent words are joined before decoding (a character may span two).</summary>
    private static string DecodeWords(string value)
    {
        var matches = EncodedWord().Matches(value);
        if (matches.Count == 0)
        {
            return value;
        }

        var bytes = matches.SelectMany(m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(m.Groups[3].Value)
            : Encoding.Latin1.GetBytes(DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')))).ToArray();
        var last = matches[^1];
        return value[..matches[0].Index] + Encoding.UTF8.GetString(bytes) + value[(last.Index + last.Length)..];
    }

    private static string DecodeQuotedPrintable(string value)
    {
        value = value.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
