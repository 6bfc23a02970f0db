using System.Text;
using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Packs.Monthly;

/// <summary>The analyst's commentary: <c>commentary.txt</c> in the commentary folder, one paragraph per line of the sheet.</summary>
internal static class Commentary
{
    public const string FileName = "commentary.txt";

    /// <summary>Longer than this is not a commentary; the pack refuses rather than carrying it.</summary>
    private const long MaxBytes = 1_000_000;

    public static IReadOnlyList<string>? Read(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        var path = Path.Combine(folder, FileName);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        if (file.Length > MaxBytes)
        {
            throw new InvalidOperationException($"'{path}' is {file.Length:N0} bytes; a commentary is at most {MaxBytes:N0}.");
        }

        var text = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Clean(string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries))))
            .Where(p => p.Length > 0)
            .ToList();
    }

    /// <summary>Drops control characters (XML cannot hold them) and caps a paragraph at what a cell holds.</summary>
    private static string Clean(string paragraph)
    {
        var text = new string(paragraph.Where(c => c == '\t' || !char.IsControl(c)).ToArray()).Trim();
        return text.Length <= SheetCell.MaxTextLength ? text : text[..(SheetCell.MaxTextLength - 1)] + "…";
    }
}
