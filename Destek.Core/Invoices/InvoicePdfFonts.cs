using System.Collections.Concurrent;
using PdfSharp;
using PdfSharp.Fonts;

namespace Destek.Core.Invoices;

/// <summary>
/// PDFsharp's process-wide set-up: the AGPL license (without it every new PdfDocument throws) and a
/// font resolver that serves DejaVu Sans (regular, bold) from this assembly's resources, so Turkish
/// letters render on any machine without installed fonts. Every family name resolves to DejaVu Sans.
/// </summary>
public static class InvoicePdfFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile bool _ready;

    public static void EnsureReady()
    {
        if (_ready)
        {
            return;
        }

        lock (Gate)
        {
            if (_ready)
            {
                return;
            }

            PdfSharpLicense.SetAgplLicense();
            // PDFsharp allows the resolver to be set once per process; another component may have done so.
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
            _ready = true;
        }
    }

    private sealed class DejaVuFontResolver : IFontResolver
    {
        private const string Regular = "DejaVuSans";
        private const string Bold = "DejaVuSans-Bold";
        private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? Bold : Regular, false, italic);

        public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

        private static byte[] Load(string faceName)
        {
            var name = $"Destek.Core.Invoices.Fonts.{faceName}.ttf";
            using var stream = typeof(InvoicePdfFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Font resource {name} is missing.");
            using var copy = new MemoryStream((int)stream.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
