using Destek.Core.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Destek.Tests.Webhooks;

/// <summary>Each kind's retry strategy as a delivery records failed attempts on a fake clock.</summary>
public sealed class WebhookRetrySchedules
{
    private static readonly WebhookSendResult ServerError = new(500, 3, "boom", "HTTP 500", null);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EInvoiceWaitsOneFiveFifteenSixtyMinutesAndSixHoursThenFails()
    {
        var endpoint = WebhookSubscription.CreateEInvoice(7, new Uri("https://erp.example.com/hook"), [EInvoiceEvents.Wildcard], "x", _clock.GetUtcNow().UtcDateTime);
        var delivery = WebhookDelivery.Create(1, EInvoiceEvents.Issued, "invoice:1", null, "{}", _clock.GetUtcNow().UtcDateTime);

        var waits = Fail(delivery, endpoint);

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(6)], waits);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(6, delivery.AttemptCount);
    }

    [Fact]
    public void TicketKeepsTheSubscriptionsBudgetAndDelay()
    {
        var endpoint = WebhookSubscription.Create(1, new Uri("https://erp.example.com/hook"), ["ticket.created"], "x",
            WebhookSubscription.DefaultMaxAttempts, WebhookSubscription.DefaultRetryDelaySeconds, _clock.GetUtcNow().UtcDateTime);
        var delivery = WebhookDelivery.Create(1, "ticket.created", 5, "{}", _clock.GetUtcNow().UtcDateTime);

        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)], Fail(delivery, endpoint));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(3, delivery.AttemptCount);
        Assert.Equal("ticket:5", delivery.AggregateKey);
    }

    [Fact]
    public void RetryAfterLongerThanTheLadderStepWins()
    {
        var endpoint = WebhookSubscription.CreateEInvoice(7, new Uri("https://erp.example.com/hook"), [EInvoiceEvents.Wildcard], "x", _clock.GetUtcNow().UtcDateTime);
        var delivery = WebhookDelivery.Create(1, EInvoiceEvents.Issued, "invoice:1", null, "{}", _clock.GetUtcNow().UtcDateTime);
        delivery.RecordAttempt(ServerError with { StatusCode = 503, RetryAfter = TimeSpan.FromMinutes(3) }, endpoint.Profile.Retries, endpoint, _clock.GetUtcNow().UtcDateTime);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(3), delivery.NextAttemptAt);
    }

    /// <summary>Fails every attempt when it falls due; returns the waits between them.</summary>
    private List<TimeSpan> Fail(WebhookDelivery delivery, WebhookSubscription endpoint)
    {
        var waits = new List<TimeSpan>();
        while (delivery.Status == DeliveryStatus.Pending)
        {
            Assert.True(waits.Count < 20);
            var now = _clock.GetUtcNow().UtcDateTime;
            delivery.RecordAttempt(ServerError, endpoint.Profile.Retries, endpoint, now);
            if (delivery.NextAttemptAt is { } next)
            {
                waits.Add(next - now);
                _clock.Advance(next - now);
            }
        }

        return waits;
    }
}
