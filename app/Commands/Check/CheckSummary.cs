using System.Globalization;
using Warehouse.Analytics.Runs;

namespace Warehouse.App.Commands.Check;

/// <summary>A few lines saying what a check run found, for the person who ran it.</summary>
internal static class CheckSummary
{
    internal static void Write(TextWriter output, CheckRunResults results)
    {
        var run = results.Run;
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture,
            $"{run.Partnership}, pack month {run.Period:yyyy-MM}: consistency measured for {(run.ConsistencyPeriod is { } c ? c.ToString("yyyy-MM", culture) : "no month yet (actual levels still pending)")}, data cut-off {run.DataCutOff:yyyy-MM-dd}, run {run.RunId}."));
        var headline = results.Agreement.FirstOrDefault(a =>
            a.Comparison == "recommended_to_actual" && a.Grouping == "partnership" && a.Period == run.ConsistencyPeriod);
        if (headline is { Cases: > 0 })
        {
            output.WriteLine(string.Create(culture,
                $"  Recommended → actual: {headline.Cases:N0} assessable consultations, agreement {headline.Agreement:P1}, linear-weighted kappa {(headline.LinearKappa is { } k ? k.ToString("F3", culture) : "[z]")}, over-response {headline.OverRate:P1}, under-response {headline.UnderRate:P1}."));
        }
        foreach (var flagged in results.FunnelPoints.Where(p => p.Flag is "above" or "below").OrderBy(p => p.Grouping, StringComparer.Ordinal).ThenBy(p => p.Unit, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(culture,
                $"  Flagged {flagged.Flag} the 99.8% limit: {flagged.Grouping} {flagged.Unit} on {flagged.Measure} ({flagged.Comparison.Replace('_', ' ')}), {flagged.Proportion:P1} of {flagged.Denominator:N0}."));
        }
        foreach (var rule in results.Exceptions.GroupBy(e => e.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(culture, $"  Cases to look at ({rule.Key.Replace('_', ' ')}): {rule.Count():N0}, listed in the restricted QA workbook."));
        }
    }
}
