namespace Warehouse.App.Settings;

/// <summary>
/// The settings every command and task runs with: <c>warehouse.json</c> (or <c>--settings</c>),
/// then <c>WAREHOUSE_&lt;NAME&gt;</c> environment variables, over the defaults. Paths are absolute
/// (relative ones are resolved against the working directory when the settings are read).
/// Every option is described in <c>docs/settings.md</c>.
/// </summary>
public sealed record WarehouseSettings
{
    /// <summary>The folder holding the warehouse, its key and the inbox (default <c>./data</c>).</summary>
    public required string DataFolder { get; init; }

    /// <summary>The warehouse file (default <c>&lt;DataFolder&gt;/warehouse.duckdb</c>).</summary>
    public required string Warehouse { get; init; }

    /// <summary>The pseudonymisation key file (default <c>&lt;DataFolder&gt;/warehouse.key</c>).</summary>
    public required string KeyFile { get; init; }

    /// <summary>The drop zone, one folder per partnership (default <c>&lt;DataFolder&gt;/inbox</c>).</summary>
    public required string Inbox { get; init; }

    /// <summary>Where publishable outputs go (default <c>./out</c>).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Where case-level outputs go, owner-only (default <c>&lt;OutputFolder&gt;/restricted</c>).</summary>
    public required string RestrictedOutputFolder { get; init; }

    /// <summary>Where jobs and their triggers are declared (default <c>schedules.json</c>).</summary>
    public required string SchedulesFile { get; init; }

    /// <summary>The folder of framework files and reference data, laid out as <c>frameworks/data/</c> (default: the copy shipped beside the program).</summary>
    public required string FrameworksFolder { get; init; }

    /// <summary>England and Wales bank holidays, <c>date,name</c> (default <c>frameworks/data/common/bank-holidays.csv</c>).</summary>
    public required string BankHolidaysFile { get; init; }

    /// <summary>The time zone schedules and displayed times are in (default Europe/London).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Days a loaded file stays in <c>processed/</c> before it is deleted (default 30).</summary>
    public int ProcessedRetentionDays { get; init; } = 30;

    /// <summary>Share of rejected rows above which a whole file is refused (default 0.5).</summary>
    public double RejectShareThreshold { get; init; } = 0.5;

    /// <summary>Days after a consultation in which Annex A events confirm its actual level (default 30).</summary>
    public int ActualLevelWindowDays { get; init; } = 30;

    /// <summary>Smallest count published without suppression (default 5).</summary>
    public int DisclosureThreshold { get; init; } = 5;

    /// <summary>Fewest cases a measure needs before it is reported (default 20).</summary>
    public int MinimumCases { get; init; } = 20;

    /// <summary>Working days within which a front-door decision counts as timely (default 1).</summary>
    public int DecisionWorkingDays { get; init; } = 1;

    /// <summary>Pathway to Change score (likelihood or seriousness) counted as high (default 8).</summary>
    public int HighPathwayToChangeScore { get; init; } = 8;

    /// <summary>Years case-level rows are kept before the purge removes them (default 6).</summary>
    public int RetentionYears { get; init; } = 6;

    /// <summary>The append-only, owner-only log of <c>sql</c> and <c>export</c> runs, beside the warehouse.</summary>
    public string AccessLog => Path.Combine(WarehouseFolder, Path.GetFileNameWithoutExtension(Warehouse) + ".access.log");

    /// <summary>The marker a job writes beside the warehouse while it holds the file.</summary>
    public string RunningMarker => Warehouse + ".running";

    private string WarehouseFolder => Path.GetDirectoryName(Warehouse) ?? ".";
}
