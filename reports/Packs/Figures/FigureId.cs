using System.Globalization;
using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// What a published figure is: the month it covers, the group, the comparison and the measure –
/// the columns of the tidy CSV. Its <see cref="Key"/> is the figure's identity across the whole pack
/// (<see cref="CellKey"/>): the same id in two tables is the same number, suppressed alike.
/// </summary>
internal sealed record FigureId(DateOnly Period, string Grouping, string Group, string? Comparison, string Measure)
{
    public CellKey Key => new(KeyOf(Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), Grouping, Group, Comparison, Measure));

    /// <summary>The same figure for another measure (e.g. the numerator of a rate).</summary>
    public FigureId With(string measure) => this with { Measure = measure };

    /// <summary>
    /// The key text: the parts joined with '|', each part's own '|' and '\' escaped so that two
    /// different figures never share a key (group values such as team names come from source data).
    /// </summary>
    public static string KeyOf(string period, string grouping, string group, string? comparison, string measure) =>
        string.Join('|', new[] { period, grouping, group, comparison ?? string.Empty, measure }.Select(Escape));

    private static string Escape(string part) => part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
