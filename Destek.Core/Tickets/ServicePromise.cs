namespace Destek.Core.Tickets;

/// <summary>
/// What Destek promises a requester about the first answer. It lives with tickets, not with the support
/// form, because the success page, the support form API's answer and the confirmation mail all say it.
/// </summary>
public static class ServicePromise
{
    public const string EstimatedResponseTime = "24 saat içinde";
}
