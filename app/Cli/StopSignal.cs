using System.Runtime.InteropServices;

namespace Warehouse.App.Cli;

/// <summary>
/// Ctrl+C and SIGTERM as a cancellation token. The first signal asks the command to stop (a
/// running job still finishes); a second Ctrl+C ends the process at once.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration? terminate;

    internal StopSignal()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
        {
            terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                source.Cancel();
            });
        }
    }

    internal CancellationToken Token => source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        terminate?.Dispose();
        source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (source.IsCancellationRequested) return; // the second Ctrl+C: let the process end
        e.Cancel = true;
        source.Cancel();
    }
}
