using System.Globalization;
using System.Text;
using Destek.Core.Panel;

namespace Destek.App.Desk.Panel;

/// <summary>How the panel writes its figures for people (Turkish) and into the CSV export.</summary>
public static class PanelFormat
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    public static string Value(PanelFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Value is not { } value)
        {
            return "—";
        }

        return figure.Unit switch
        {
            PanelUnit.Duration => Duration(value),
            PanelUnit.Percent => "%" + value.ToString("0.#", Turkish),
            PanelUnit.Score => value.ToString("0.00", Turkish) + " / 5",
            _ => value.ToString("N0", Turkish),
        };
    }

    /// <summary>"45 dk", "3 sa 20 dk", "2 gün 4 sa".</summary>
    public static string Duration(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, seconds));
        if (time.TotalMinutes < 1)
        {
            return "1 dk'dan az";
        }

        if (time.TotalHours < 1)
        {
            return $"{(int)time.TotalMinutes} dk";
        }

        return time.TotalDays < 1 ? $"{(int)time.TotalHours} sa {time.Minutes} dk" : $"{(int)time.TotalDays} gün {time.Hours} sa";
    }

    public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", Turkish);

    public static string ShortDay(DateOnly day) => day.ToString("dd.MM", Turkish);

    /// <summary>
    /// The report as CSV for Excel: UTF-8 with a byte-order mark, semicolons (Turkish Excel reads the
    /// comma as the decimal mark), Turkish headers; durations in hours so a sheet can sum them.
    /// </summary>
    public static byte[] Csv(PanelReport report, string scopeName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        void Row(params string?[] cells) => csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");

        Row("Panel", scopeName);
        Row("Aralık", Day(report.Period.First) + " – " + Day(report.Period.Last));
        Row();
        Row("Gösterge", "Değer", "Birim", "Not");
        foreach (var figure in report.Figures)
        {
            var (value, unit) = figure.Unit switch
            {
                PanelUnit.Duration => (figure.Value is { } s ? (s / 3600).ToString("0.##", Turkish) : "", "saat"),
                PanelUnit.Percent => (figure.Value?.ToString("0.#", Turkish) ?? "", "%"),
                PanelUnit.Score => (figure.Value?.ToString("0.00", Turkish) ?? "", "puan (1–5)"),
                _ => (figure.Value?.ToString("0", Turkish) ?? "", "talep"),
            };
            Row(figure.Label, value, unit, figure.Note);
        }

        Row();
        Row("Departman", "Açık", "Atanmamış");
        foreach (var row in report.ByDepartment)
        {
            Row(row.Name, Count(row.Open), Count(row.Unassigned));
        }

        Row();
        Row("Temsilci", "Açık");
        foreach (var row in report.ByAgent)
        {
            Row(row.Name, Count(row.Open));
        }

        Row();
        Row("Gün", "Oluşturulan", "Çözülen");
        foreach (var day in report.Daily)
        {
            Row(Day(day.Day), Count(day.Created), Count(day.Solved));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quoted when it must be; a leading =, +, - or @ is defused so a spreadsheet never runs a name as a formula.</summary>
    private static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, Turkish, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
