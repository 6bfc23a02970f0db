namespace Warehouse.App.Scheduling.Running;

/// <summary>How a run ended, after its retries.</summary>
internal sealed record JobRunOutcome(string Job, string Outcome, string? Produced, string? Error, bool NewData, int Attempts)
{
    internal const string Succeeded = "succeeded";
    internal const string Failed = "failed";
    internal const string Skipped = "skipped";

    internal bool IsFailure => Outcome == Failed;
}
