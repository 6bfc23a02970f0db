namespace Warehouse.App.Cli;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    internal const int Success = 0;

    /// <summary>The command ran and failed (a query error, a busy warehouse, a failed job).</summary>
    internal const int Failure = 1;

    /// <summary>The command was not run: wrong arguments, settings or schedule.</summary>
    internal const int BadUsage = 2;
}
