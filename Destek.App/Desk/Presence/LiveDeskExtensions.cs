using Destek.Core.Notifications;

namespace Destek.App.Desk.Presence;

public static class LiveDeskExtensions
{
    /// <summary>The live desk: presence (who has a ticket open, who types), desk notifications and their bell.</summary>
    public static WebApplicationBuilder AddLiveDesk(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PresenceOptions>().Bind(builder.Configuration.GetSection(PresenceOptions.Section));
        builder.Services.AddSingleton<DeskPresence>();
        builder.Services.AddDeskNotifications();
        return builder;
    }
}
