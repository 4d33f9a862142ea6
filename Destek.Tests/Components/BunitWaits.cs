using System.Runtime.CompilerServices;
using Bunit;

namespace Destek.Tests.Components;

internal static class BunitWaits
{
    /// <summary>
    /// The components load from a real database (SQLite or PostgreSQL) on a loaded two-core machine:
    /// bUnit's one-second default for WaitFor* is shorter than a cold first query there.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
