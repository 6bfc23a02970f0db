using Warehouse.App.Cli;
using Warehouse.App.Tasks;

// Tasks the scheduler and 'warehouse jobs run' can run are registered here, one line each, e.g.
// WarehouseTasks.Register(new LoadInboxTask()); a job in schedules.json without one cannot be served.

using var stop = new StopSignal();
return await WarehouseCli.RunAsync(args, CliEnvironment.FromProcess(WarehouseTasks.Snapshot()), stop.Token);
