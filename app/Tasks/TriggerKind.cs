namespace Warehouse.App.Tasks;

/// <summary>Why a run started; stored in <c>ops.job_runs.trigger_kind</c>.</summary>
public enum TriggerKind
{
    /// <summary>Its schedule fired (<c>schedule</c>).</summary>
    Schedule,

    /// <summary>A person ran it with <c>warehouse jobs run</c> (<c>manual</c>).</summary>
    Manual,

    /// <summary>It followed a job that brought new data (<c>chained</c>).</summary>
    Chained,

    /// <summary>It stands in for a run missed while the service was down (<c>misfire</c>).</summary>
    Misfire,

    /// <summary>A command such as <c>warehouse load</c> ran it (<c>command</c>).</summary>
    Command,
}
