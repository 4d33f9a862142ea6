using Destek.Core.Organization;
using Destek.Core.Webhooks;
using MudBlazor;

namespace Destek.App.Settings;

/// <summary>How the settings screens name things for people; times go through <see cref="Desk.DeskFormat"/> like the desk's.</summary>
public static class SettingsFormat
{
    public static string DepartmentNames(IEnumerable<int> ids, IReadOnlyList<Department> departments)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(departments);
        var list = ids.ToList();
        return list.Count == 0
            ? "Tümü"
            : string.Join(", ", list.Select(id => departments.FirstOrDefault(d => d.Id == id)?.Name ?? $"silinmiş departman #{id}"));
    }

    public static string DeliveryStatus(DeliveryStatus status) => status switch
    {
        Core.Webhooks.DeliveryStatus.Delivered => "Teslim edildi",
        Core.Webhooks.DeliveryStatus.Failed => "Başarısız",
        _ => "Bekliyor",
    };

    public static Color DeliveryColor(DeliveryStatus status) => status switch
    {
        Core.Webhooks.DeliveryStatus.Delivered => Color.Success,
        Core.Webhooks.DeliveryStatus.Failed => Color.Error,
        _ => Color.Info,
    };
}

/// <summary>The one confirmation every risky settings change asks for.</summary>
public static class SettingsDialogs
{
    public static async Task<bool> ConfirmAsync(IDialogService dialogs, string title, string message, string yes)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var answer = await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Vazgeç");
        return answer == true;
    }
}
