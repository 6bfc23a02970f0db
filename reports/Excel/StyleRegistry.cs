using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Reports.Excel;

/// <summary>
/// Hands out cell format indexes as the sheets are streamed and builds the stylesheet at the end.
/// Indexes are given in first-use order, so the same workbook always gets the same styles.
/// </summary>
internal sealed class StyleRegistry
{
    private const string FontName = "Arial";
    private const uint FirstCustomFormatId = 164;

    // Fonts: 0 body, 1 title (Heading 1), 2 header, 3 link.
    private const uint BodyFont = 0;
    private const uint TitleFont = 1;
    private const uint HeaderFont = 2;
    private const uint LinkFont = 3;

    // Cell style formats: 0 Normal, 1 Heading 1, 2 Hyperlink.
    private const uint NormalStyle = 0;
    private const uint HeadingStyle = 1;
    private const uint HyperlinkStyle = 2;

    private readonly Dictionary<StyleKey, uint> _indexes = [];
    private readonly List<StyleKey> _keys = [];
    private readonly Dictionary<string, uint> _customFormats = new(StringComparer.Ordinal);

    public StyleRegistry()
    {
        // cellXfs[0] is what an unstyled cell gets.
        Index(new StyleKey(NumberFormat.General, CellRole.Body, Locked: true));
    }

    public uint Index(StyleKey key)
    {
        if (_indexes.TryGetValue(key, out var index))
        {
            return index;
        }

        index = (uint)_keys.Count;
        _keys.Add(key);
        _indexes.Add(key, index);
        if (key.Format.BuiltInId is null && !_customFormats.ContainsKey(key.Format.Code))
        {
            _customFormats.Add(key.Format.Code, FirstCustomFormatId + (uint)_customFormats.Count);
        }

        return index;
    }

    public Stylesheet Build()
    {
        var numberingFormats = new NumberingFormats(
            _customFormats.Select(pair => new NumberingFormat { NumberFormatId = pair.Value, FormatCode = pair.Key }))
        {
            Count = (uint)_customFormats.Count,
        };

        var fonts = new Fonts(
            Font(12, bold: false),
            Font(15, bold: true),
            Font(12, bold: true),
            new Font(
                new Underline(),
                new FontSize { Val = 12 },
                new Color { Rgb = "FF0563C1" },
                new FontName { Val = FontName },
                new FontFamilyNumbering { Val = 2 }))
        { Count = 4 };

        // Excel requires these two fills first.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 };

        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };

        var cellStyleFormats = new CellStyleFormats(
            new CellFormat { NumberFormatId = 0, FontId = BodyFont, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = TitleFont, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = LinkFont, FillId = 0, BorderId = 0, ApplyFont = true })
        { Count = 3 };

        var cellFormats = new CellFormats(_keys.Select(CellFormatFor)) { Count = (uint)_keys.Count };

        // Named cell styles let screen readers and the accessibility checker see the title as a heading.
        var cellStyles = new CellStyles(
            new CellStyle { Name = "Normal", FormatId = NormalStyle, BuiltinId = 0 },
            new CellStyle { Name = "Heading 1", FormatId = HeadingStyle, BuiltinId = 16 },
            new CellStyle { Name = "Hyperlink", FormatId = HyperlinkStyle, BuiltinId = 8 })
        { Count = 3 };

        var stylesheet = new Stylesheet();
        if (_customFormats.Count > 0)
        {
            stylesheet.Append(numberingFormats);
        }

        stylesheet.Append(fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles,
            new DifferentialFormats { Count = 0 },
            new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });
        return stylesheet;
    }

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new Color { Theme = 1 }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private CellFormat CellFormatFor(StyleKey key)
    {
        var (fontId, styleId) = key.Role switch
        {
            CellRole.Title => (TitleFont, HeadingStyle),
            CellRole.Header => (HeaderFont, NormalStyle),
            CellRole.Link => (LinkFont, HyperlinkStyle),
            _ => (BodyFont, NormalStyle),
        };

        var format = new CellFormat
        {
            NumberFormatId = key.Format.BuiltInId ?? _customFormats[key.Format.Code],
            FontId = fontId,
            FillId = 0,
            BorderId = 0,
            FormatId = styleId,
        };
        if (format.NumberFormatId.Value != 0)
        {
            format.ApplyNumberFormat = true;
        }

        if (fontId != BodyFont)
        {
            format.ApplyFont = true;
        }

        var alignment = key.Role switch
        {
            // Symbols sit among numbers, so they line up with them.
            CellRole.Symbol => new Alignment { Horizontal = HorizontalAlignmentValues.Right },
            CellRole.Header => new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top },
            CellRole.Description => new Alignment { WrapText = false },
            _ => null,
        };
        if (alignment is not null)
        {
            format.ApplyAlignment = true;
            format.Append(alignment);
        }

        if (!key.Locked)
        {
            format.ApplyProtection = true;
            format.Append(new Protection { Locked = false });
        }

        return format;
    }
}
