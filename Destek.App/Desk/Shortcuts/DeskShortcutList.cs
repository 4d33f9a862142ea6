namespace Destek.App.Desk.Shortcuts;

/// <summary>Where a shortcut works.</summary>
public enum ShortcutScope
{
    Queue,
    Ticket,
}

public sealed record DeskShortcut(string Keys, string Does);

/// <summary>
/// Every desk shortcut, the one list behind the ? dialog, the help page (/masa/kisayollar) and the README. The keys
/// themselves are handled in wwwroot/js/desk-live.js; none fires while the focus is in a text field.
/// </summary>
public static class DeskShortcutList
{
    public static IReadOnlyList<(string Title, IReadOnlyList<DeskShortcut> Keys)> Groups { get; } =
    [
        ("Talep listesi", [
            new("j", "Sonraki talebe geç"),
            new("k", "Önceki talebe geç"),
            new("Enter veya o", "Seçili talebi aç"),
            new("x", "Seçili talebi toplu işlem için seç veya seçimi kaldır"),
        ]),
        ("Talep sayfası", [
            new("r", "Yanıt kutusuna geç"),
            new("n", "İç not kutusuna geç"),
            new("Esc", "Yanıt veya not kutusundan çık (yazdığınız kalır)"),
        ]),
        ("Her yerde", [
            new("?", "Bu kısayol listesini aç"),
        ]),
    ];

    public static string ScopeName(ShortcutScope scope) => scope == ShortcutScope.Queue ? "queue" : "ticket";
}
