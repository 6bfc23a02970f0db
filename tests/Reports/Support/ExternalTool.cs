using System.Diagnostics;

namespace Warehouse.Reports.Tests.Support;

/// <summary>Finds and runs programs on PATH.</summary>
public static class ExternalTool
{
    public static string? Find(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(folder, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a program, failing the test with its output if it does not exit with 0 in time.</summary>
    public static string Run(string tool, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool) ?? tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within {timeout}.");
        }

        var text = output.Result + error.Result;
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {text}");
        return text;
    }
}
