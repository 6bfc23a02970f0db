using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Warehouse.Bench;

/// <summary>Writes the measurements as a markdown table with the machine, date and commit.</summary>
internal static class PerformancePage
{
    internal static void Write(string path, IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("# Performance").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC at commit `{Commit()}` on {Environment.ProcessorCount} cores, " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        text.AppendLine().AppendLine("Each step is timed beside a same-run baseline: bare DuckDB doing the equivalent work. Ratio = step ÷ baseline.").AppendLine();
        text.AppendLine("| step | size | time | baseline | ratio | peak memory | baseline is |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var result in results) text.AppendLine(result.ToMarkdownRow());
        File.WriteAllText(path, text.ToString());
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
