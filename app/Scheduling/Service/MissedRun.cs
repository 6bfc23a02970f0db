namespace Warehouse.App.Scheduling.Service;

/// <summary>A clock job's fire times that passed with no run: how many, and the latest.</summary>
internal sealed record MissedRun(JobDefinition Job, int Count, DateTimeOffset Latest);
