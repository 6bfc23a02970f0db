using System.Globalization;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Check;

/// <summary>Which partnerships and month a check (or pack) run covers when a person or job does not say.</summary>
internal static class CheckScope
{
    /// <summary>Partnerships with consultations in the warehouse, or just the one asked for.</summary>
    internal static IReadOnlyList<string> Partnerships(DuckDbConnection warehouse, string? only)
    {
        var all = new List<string>();
        using (var command = new DuckDbCommand("SELECT DISTINCT partnership FROM fact.consultation ORDER BY 1", warehouse))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) all.Add(reader.GetString(0));
        }
        if (only is null) return all;
        return all.Contains(only, StringComparer.Ordinal)
            ? [only]
            : throw new Cli.CommandFailedException($"The warehouse holds no consultations for '{only}' (it has: {(all.Count == 0 ? "none" : string.Join(", ", all))}).");
    }

    /// <summary>The month of the partnership's latest consultation, as yyyy-MM: the newest month the data can describe.</summary>
    internal static string LatestMonth(DuckDbConnection warehouse, string partnership) =>
        warehouse.Scalar<DateOnly>("SELECT max(consultation_date) FROM fact.consultation WHERE partnership = $1", partnership)
            .ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A month given as yyyy-MM, checked.</summary>
    internal static string Month(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text
            : throw new Cli.UsageException($"'{text}' is not a month in the form yyyy-MM.");
}
