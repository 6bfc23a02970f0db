using System.Globalization;

namespace Warehouse.Bench;

/// <summary>One measured step beside its same-run baseline.</summary>
internal sealed record Measurement(string Step, long Size, TimeSpan Baseline, TimeSpan Measured, long PeakWorkingSetBytes, string BaselineDescription)
{
    public double Ratio => Measured.TotalSeconds / Math.Max(Baseline.TotalSeconds, 1e-9);

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Step} | {Size:N0} | {Measured.TotalSeconds:F2} s | {Baseline.TotalSeconds:F2} s | {Ratio:F2}× | {PeakWorkingSetBytes / (1 << 20):N0} MiB | {BaselineDescription} |");
}
