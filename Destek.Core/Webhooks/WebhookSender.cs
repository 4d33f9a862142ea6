using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Destek.Core.Webhooks;

/// <summary>
/// One signed POST. Headers (API-CONVENTIONS.md), the same for every kind: X-Webhook-Event, X-Webhook-Id
/// (uuid), X-Webhook-Timestamp (Unix s) and X-Signature: t=&lt;ts&gt;,v1=&lt;hex HMAC(secret, "ts.body")&gt;;
/// X-Webhook-Signature is the kind's own (<see cref="IWebhookSigningScheme"/>). 10 s timeout; redirects are not followed
/// (a 3xx is a failure); only the first 1 KiB of the answer is read.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "destek-webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<WebhookSendResult> SendAsync(Uri url, string eventType, Guid webhookId, string body, string secret, IWebhookSigningScheme signing,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(signing);
        ArgumentNullException.ThrowIfNull(body);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "Destek-Webhooks/1.0");
        request.Headers.Add("X-Webhook-Event", eventType);
        request.Headers.Add("X-Webhook-Id", webhookId.ToString());
        request.Headers.Add("X-Webhook-Timestamp", timestamp);
        signing.Sign(request.Headers, body, timestamp, secret);
        request.Headers.Add("X-Signature", $"t={timestamp},v1={Sign(secret, timestamp + "." + body)}");

        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadStartAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"Yönlendirme izlenmez ({status} → {response.Headers.Location})",
                _ => $"HTTP {status}",
            };
            return new WebhookSendResult(status, Elapsed(stopwatch), answer, Truncate(error), RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, Elapsed(stopwatch), null, $"Zaman aşımı ({Timeout.TotalSeconds:0} sn)", null);
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is WebhookBlockedException blocked ? blocked.Message : ex.Message;
            return new WebhookSendResult(null, Elapsed(stopwatch), null, Truncate("Bağlantı hatası: " + reason), null);
        }
    }

    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    /// <summary>The handler behind the named client: no redirects, no proxy, the SSRF guard on every connect.</summary>
    public static SocketsHttpHandler CreateHandler(WebhookUrlGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = Timeout,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                var permitted = guard.Permitted(addresses);
                if (permitted.Length == 0)
                {
                    throw new WebhookBlockedException($"{host} yerel, özel veya link-local bir adrese çıkıyor; gönderim engellendi.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookAttempt.ResponseMaxBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read == 0)
        {
            return null;
        }

        // Cut at a character boundary: drop a trailing partial UTF-8 sequence.
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > 0 && text[^1] == '\uFFFD' && read == buffer.Length ? text[..^1] : text;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (429 or 503) || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter.Date is { } date ? date - clock.GetUtcNow() : null;
    }

    private static int Elapsed(Stopwatch stopwatch) => (int)Math.Min(int.MaxValue, stopwatch.ElapsedMilliseconds);

    private static string? Truncate(string? value) => value is { Length: > 500 } ? value[..500] : value;
}

/// <summary>The SSRF guard refused every address of a host.</summary>
public sealed class WebhookBlockedException(string message) : IOException(message);
