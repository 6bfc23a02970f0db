namespace Warehouse.App.Tasks;

/// <summary>The words <c>ops.job_runs.trigger_kind</c> stores for each <see cref="TriggerKind"/>.</summary>
internal static class TriggerKindText
{
    internal static string ToText(this TriggerKind kind) => kind switch
    {
        TriggerKind.Schedule => "schedule",
        TriggerKind.Manual => "manual",
        TriggerKind.Chained => "chained",
        TriggerKind.Misfire => "misfire",
        TriggerKind.Command => "command",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown trigger kind."),
    };

    internal static TriggerKind Parse(string text) => text switch
    {
        "schedule" => TriggerKind.Schedule,
        "manual" => TriggerKind.Manual,
        "chained" => TriggerKind.Chained,
        "misfire" => TriggerKind.Misfire,
        "command" => TriggerKind.Command,
        _ => throw new ArgumentException($"'{text}' is not a trigger kind.", nameof(text)),
    };
}
