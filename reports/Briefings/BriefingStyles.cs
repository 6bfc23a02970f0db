namespace Warehouse.Reports.Briefings;

/// <summary>The briefing's own stylesheet, inline: screen, and A4 print for the network meeting's papers.</summary>
internal static class BriefingStyles
{
    public const string Css = """
        :root { color: #0b0c0c; background: #ffffff; font-family: Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif; }
        body { margin: 0 auto; max-width: 1000px; padding: 24px; line-height: 1.45; font-size: 16px; }
        .marking { font-weight: bold; text-align: center; letter-spacing: 0.05em; margin: 0 0 12px; }
        h1 { font-size: 28px; margin: 0 0 8px; }
        h2 { font-size: 22px; margin: 32px 0 8px; border-top: 2px solid #12436d; padding-top: 12px; }
        p.lede { font-size: 18px; margin: 0 0 16px; }
        figure { margin: 12px 0; }
        figure svg { width: 100%; height: auto; display: block; }
        figcaption { font-size: 14px; color: #3d3d3d; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 4px 8px; text-align: left; vertical-align: top; }
        td.count, td.number { text-align: right; font-variant-numeric: tabular-nums; }
        thead th { border-bottom: 2px solid #0b0c0c; }
        tr.this th, tr.this td { font-weight: bold; background: #f3f2f1; }
        ul.notes li { margin-bottom: 6px; font-size: 14px; }
        footer { margin-top: 32px; font-size: 13px; color: #3d3d3d; border-top: 1px solid #b1b4b6; padding-top: 8px; }
        @page { size: A4 portrait; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          h1 { font-size: 20pt; }
          h2 { font-size: 15pt; break-after: avoid; page-break-after: avoid; }
          figure, table, tr { break-inside: avoid; page-break-inside: avoid; }
          section.chart { break-inside: avoid-page; }
          a { color: inherit; text-decoration: none; }
        }
        """;
}
