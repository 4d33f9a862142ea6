using MudBlazor;

namespace Destek.App.Components.Layout;

/// <summary>The one theme of every screen. Colours are chosen for 4.5:1 contrast on both palettes.</summary>
public static class DestekTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#5b4a9e",
            AppbarBackground = "#102a43",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            Error = "#b3261e",
            Success = "#1e7d32",
            Warning = "#8a4b00",
            Info = "#0b4f8a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            // A light primary needs dark text on filled buttons (white on #8ab4f8 is 2.1:1).
            PrimaryContrastText = "#0b1620",
            Secondary = "#c3b5ff",
            AppbarBackground = "#0b1620",
            AppbarText = "#e6edf3",
            Background = "#10161c",
            Surface = "#1a222b",
            DrawerBackground = "#151c23",
            TextPrimary = "#e6edf3",
            TextSecondary = "#b0bcc8",
            Error = "#ffb4ab",
            Success = "#8fd19e",
            Warning = "#ffcc80",
            Info = "#90caf9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["DejaVu Sans", "system-ui", "sans-serif"] },
        },
    };
}
