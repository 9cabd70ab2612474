using System.Globalization;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Cards.Wording;
using SkiaSharp;

namespace ProBonoBot.Impact;

/// <summary>
/// The report's chart as a small PNG drawn on the server: per quarter, a bar of approved hours (left scale) and a bar of
/// participants (right scale), with the title and labels in the reader's language. Japanese needs a CJK typeface from the
/// system (Noto Sans CJK in the Docker image); without one the default typeface is used.
/// </summary>
public static class ReportChart
{
    public const int Width = 600;
    public const int Height = 300;

    private static readonly SKColor HoursColor = new(0x46, 0x4E, 0xB8);
    private static readonly SKColor PeopleColor = new(0xE8, 0x8C, 0x30);
    private static readonly SKColor Ink = new(0x24, 0x24, 0x24);
    private static readonly SKColor Grid = new(0xD0, 0xD0, 0xD0);

    // Looked up once per process and kept: typefaces are shared, immutable and cheap to keep.
    private static readonly Lazy<SKTypeface> JapaneseTypeface = new(() => Typeface(Language.Japanese));
    private static readonly Lazy<SKTypeface> LatinTypeface = new(() => Typeface(Language.English));

    public static byte[] Render(ReportModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Impact;
        using var bitmap = new SKBitmap(Width, Height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        var typeface = language == Language.Japanese ? JapaneseTypeface.Value : LatinTypeface.Value;
        using var titleFont = new SKFont(typeface, 16);
        using var font = new SKFont(typeface, 12);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };

        canvas.DrawText(Plurals.Format(t.ChartTitle, ReportLabels.FiscalYear(language, model.FiscalYear)), Width / 2f, 24, SKTextAlign.Center, titleFont, ink);
        Legend(canvas, font, ink, t);

        const float left = 56, right = Width - 56, top = 64, bottom = Height - 40;
        using var grid = new SKPaint { Color = Grid, StrokeWidth = 1 };
        canvas.DrawLine(left, bottom, right, bottom, grid);
        canvas.DrawLine(left, top, left, bottom, grid);
        canvas.DrawLine(right, top, right, bottom, grid);

        var hours = model.Quarters.Select(q => (double)q.Figures.ApprovedMinutes / 60).ToList();
        var people = model.Quarters.Select(q => (double)q.Figures.Participants).ToList();
        var maxHours = Math.Max(1, hours.Max());
        var maxPeople = Math.Max(1, people.Max());
        canvas.DrawText(ImpactTexts.HoursText((long)Math.Round(maxHours * 60)), left - 6, top + 4, SKTextAlign.Right, font, ink);
        canvas.DrawText("0", left - 6, bottom + 4, SKTextAlign.Right, font, ink);
        canvas.DrawText(((int)maxPeople).ToString(CultureInfo.InvariantCulture), right + 6, top + 4, SKTextAlign.Left, font, ink);
        canvas.DrawText("0", right + 6, bottom + 4, SKTextAlign.Left, font, ink);

        var slot = (right - left) / model.Quarters.Count;
        const float bar = 28;
        using var hoursPaint = new SKPaint { Color = HoursColor, IsAntialias = true };
        using var peoplePaint = new SKPaint { Color = PeopleColor, IsAntialias = true };
        for (var i = 0; i < model.Quarters.Count; i++)
        {
            var centre = left + (slot * i) + (slot / 2);
            var h = (float)(hours[i] / maxHours * (bottom - top));
            var p = (float)(people[i] / maxPeople * (bottom - top));
            canvas.DrawRect(new SKRect(centre - bar - 2, bottom - h, centre - 2, bottom), hoursPaint);
            canvas.DrawRect(new SKRect(centre + 2, bottom - p, centre + bar + 2, bottom), peoplePaint);
            canvas.DrawText(ImpactTexts.HoursText(model.Quarters[i].Figures.ApprovedMinutes), centre - (bar / 2) - 2, bottom - h - 4, SKTextAlign.Center, font, ink);
            canvas.DrawText(model.Quarters[i].Figures.Participants.ToString(CultureInfo.InvariantCulture), centre + (bar / 2) + 2, bottom - p - 4, SKTextAlign.Center, font, ink);
            canvas.DrawText(ReportLabels.Period(language, model.Quarters[i].Quarter), centre, bottom + 18, SKTextAlign.Center, font, ink);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Legend(SKCanvas canvas, SKFont font, SKPaint ink, ImpactTexts t)
    {
        using var hoursPaint = new SKPaint { Color = HoursColor };
        using var peoplePaint = new SKPaint { Color = PeopleColor };
        var x = Width / 2f - 150;
        canvas.DrawRect(new SKRect(x, 36, x + 12, 48), hoursPaint);
        canvas.DrawText(t.ChartHours, x + 18, 47, SKTextAlign.Left, font, ink);
        x = Width / 2f + 30;
        canvas.DrawRect(new SKRect(x, 36, x + 12, 48), peoplePaint);
        canvas.DrawText(t.ChartPeople, x + 18, 47, SKTextAlign.Left, font, ink);
    }

    /// <summary>A typeface that has Japanese glyphs for Japanese (a CJK family, else any the system matches for 日), else the default.</summary>
    private static SKTypeface Typeface(Language language)
    {
        if (language == Language.Japanese)
        {
            foreach (var family in (string[])["Noto Sans CJK JP", "Noto Sans JP", "IPAGothic", "TakaoGothic"])
            {
                var named = SKTypeface.FromFamilyName(family);
                using var probe = new SKFont(named);
                if (named is not null && probe.ContainsGlyph('日'))
                {
                    return named;
                }
            }

            if (SKFontManager.Default.MatchCharacter('日') is { } matched)
            {
                return matched;
            }
        }

        return SKTypeface.FromFamilyName(null) ?? SKTypeface.Default;
    }
}
