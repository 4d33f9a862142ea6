using Microsoft.AspNetCore.Components.Server;

namespace Destek.App.Platform;

/// <summary>
/// What every open desk circuit costs the server beyond its components (bench/desk-circuits.sh measures it).
/// Per-message compression is off: with it, each circuit's WebSocket keeps a native zlib deflate state
/// (a few hundred KB, outside the managed heap) for as long as the tab is open, for render batches that
/// are small diffs. Without it the framework adds no frame-ancestors policy of its own; ours
/// (SecurityHeaders) already forbids framing.
/// </summary>
public static class CircuitBudget
{
    public static void ConfigureServerRenderMode(ServerComponentsEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DisableWebSocketCompression = true;
    }
}
