namespace Warehouse.App.Scheduling.Service;

/// <summary>Signalled when the service has been asked to stop: no new retry starts after it.</summary>
internal sealed record ServiceStopping(CancellationToken Token);
