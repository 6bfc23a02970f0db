using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// The built <c>warehouse</c> program run as a child process in a test folder, the way an operator
/// runs it: its own process, its own locks, killable with SIGKILL.
/// </summary>
internal sealed partial class WarehouseProgram : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly Task<string> output;
    private readonly Task<string> error;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private WarehouseProgram(ProcessStartInfo info, IReadOnlyDictionary<string, string>? environment)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment["WAREHOUSE_FRAMEWORKSFOLDER"] = Path.Combine(AppContext.BaseDirectory, "frameworks", "data");
        // The key is the key file beside the warehouse; a key in the environment would win over it.
        info.Environment.Remove("WAREHOUSE_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        process = Process.Start(info) ?? throw new InvalidOperationException("The warehouse program did not start.");
        output = process.StandardOutput.ReadToEndAsync();
        error = process.StandardError.ReadToEndAsync();
    }

    private static string Program => Path.Combine(AppContext.BaseDirectory, "warehouse.dll");

    internal int Id => process.Id;

    internal bool HasExited => process.HasExited;

    /// <summary>Starts <c>warehouse &lt;args&gt;</c> in <paramref name="folder"/>.</summary>
    internal static WarehouseProgram Start(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        new(new ProcessStartInfo("dotnet", [Program, .. args]) { WorkingDirectory = folder }, environment);

    internal static WarehouseProgram Start(string folder, params string[] args) => Start(folder, null, args);

    /// <summary>
    /// Starts <c>warehouse &lt;args&gt;</c> allowed to write no file beyond <paramref name="kilobytes"/>
    /// (RLIMIT_FSIZE, which needs no privilege): a write past it fails with EFBIG, as on a full disk.
    /// SIGXFSZ, which would otherwise kill the process, is ignored (an ignored signal stays ignored
    /// across exec). The runtime's W^X double mapping sizes a shared-memory file past any small
    /// limit, so it is switched off; it is a hardening of JIT pages, not of file writing.
    /// </summary>
    internal static WarehouseProgram StartWithFileSizeLimit(string folder, int kilobytes, params string[] args) =>
        new(new ProcessStartInfo("bash", ["-c", $"trap '' XFSZ; ulimit -f {kilobytes}; exec dotnet \"$@\"", "warehouse", Program, .. args]) { WorkingDirectory = folder },
            new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" });

    /// <summary>Runs <c>warehouse &lt;args&gt;</c> to the end.</summary>
    internal static Task<ProgramResult> RunAsync(string folder, params string[] args) => RunAsync(folder, null, args);

    /// <summary>Runs <c>warehouse &lt;args&gt;</c> to the end with these environment variables.</summary>
    internal static async Task<ProgramResult> RunAsync(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var program = Start(folder, environment, args);
        return await program.WaitAsync();
    }

    /// <summary>A pseudonymisation key given in the environment (<c>WAREHOUSE_KEY</c>), for tests without a key file.</summary>
    internal static IReadOnlyDictionary<string, string> KeyInEnvironment(string phrase) =>
        new Dictionary<string, string> { ["WAREHOUSE_KEY"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(phrase)) };

    /// <summary>Whether the process has <paramref name="path"/> open (Linux: its /proc/&lt;pid&gt;/fd links).</summary>
    internal bool HasOpen(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{process.Id}/fd"))
            {
                if (string.Equals(new FileInfo(fd).LinkTarget, full, StringComparison.Ordinal)) return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked.
        }
        return false;
    }

    /// <summary>Ends the process at once with SIGKILL: no handler runs, nothing is cleaned up.</summary>
    internal void Kill() => process.Kill(entireProcessTree: true);

    internal async Task<ProgramResult> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"warehouse did not finish within {Patience}.");
        }
        return new ProgramResult(process.ExitCode, await output, await error, clock.Elapsed);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    /// <summary>Polls <paramref name="condition"/> every 5 ms until it holds (bounded).</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"Waited {Patience} for {what}.");
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Asserts what a person sees when a command fails: exit code 1, standard error holding the one
    /// sentence (beside any log lines), no stack trace, and nothing about it on standard output.
    /// </summary>
    internal static string AssertFailedWithOneSentence(ProgramResult result)
    {
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}; stderr: {result.Error}");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sentences = lines.Where(l => !LogLine().IsMatch(l)).ToList();
        Assert.True(sentences.Count == 1, "expected one sentence on standard error, got: " + result.Error);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Out);
        return sentences[0];
    }

    /// <summary>A line of the console log: "2026-03-10 01:30:00 warn: …".</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex LogLine();
}

/// <summary>How a run of the program ended, what it printed, and how long it ran.</summary>
internal sealed record ProgramResult(int ExitCode, string Out, string Error, TimeSpan Elapsed);
