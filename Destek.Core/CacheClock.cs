using Microsoft.Extensions.Internal;

namespace Destek.Core;

/// <summary>The memory cache's expirations read the app's TimeProvider, so a test's fake clock moves them too.</summary>
internal sealed class CacheClock(TimeProvider clock) : ISystemClock
{
    public DateTimeOffset UtcNow => clock.GetUtcNow();
}
