using System.Security.Cryptography;
using System.Text;
using Destek.Tests.ExternalApi;

namespace Destek.Tests.Webhooks;

/// <summary>A receiver's check, written from seed-003 alone: hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;"), timestamp within ±300 s.</summary>
public static class EInvoiceSignature
{
    public static bool Verify(ReceivedWebhook webhook, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!webhook.Headers.TryGetValue("X-Webhook-Timestamp", out var timestamp) || !long.TryParse(timestamp, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300 || !webhook.Headers.TryGetValue("X-Webhook-Signature", out var signature))
        {
            return false;
        }

        var signingString = Encoding.UTF8.GetBytes(timestamp + ".").Concat(webhook.Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signingString));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
