using System.Diagnostics;

namespace Warehouse.App.Tests.Support;

/// <summary>
/// Another process holding the warehouse file's lock the way DuckDB does (an fcntl write lock on
/// the whole file), so a test sees exactly what a second process sees while <c>serve</c> runs a
/// job. Perl is part of every Debian system (perl-base); the lock ends when the process does.
/// </summary>
internal sealed class LockHolder : IDisposable
{
    private const string Script = """
        use Fcntl;
        open(my $fh, '+<', $ARGV[0]) or die "open: $!";
        my $lock = pack('s s x4 q q i x4', F_WRLCK, 0, 0, 0, 0);
        fcntl($fh, F_SETLK, $lock) or die "lock: $!";
        $| = 1;
        print "locked\n";
        <STDIN>;
        """;

    private readonly Process process;

    internal LockHolder(string path)
    {
        process = Process.Start(new ProcessStartInfo("perl", ["-e", Script, path])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("perl did not start.");
        var line = process.StandardOutput.ReadLine();
        if (line != "locked") throw new InvalidOperationException("perl could not lock the file: " + process.StandardError.ReadToEnd());
    }

    internal int ProcessId => process.Id;

    internal DateTimeOffset StartedAt => new(process.StartTime.ToUniversalTime(), TimeSpan.Zero);

    public void Dispose()
    {
        process.StandardInput.Close();
        process.WaitForExit(10_000);
        process.Dispose();
    }
}
