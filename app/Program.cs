using Warehouse.App.Cli;
using Warehouse.App.Commands.Check;
using Warehouse.App.Commands.Load;
using Warehouse.App.Commands.Pack;
using Warehouse.App.Commands.Purge;
using Warehouse.App.Tasks;

// Tasks the scheduler and 'warehouse jobs run' can run are registered here, one line each;
// a job in schedules.json without one cannot be served.
WarehouseTasks.Register(new LoadInboxTask());
WarehouseTasks.Register(new ChecksTask());
WarehouseTasks.Register(new MonthlyPacksTask());
WarehouseTasks.Register(new LocalityChartsTask());
WarehouseTasks.Register(new PurgeTask());

using var stop = new StopSignal();
return await WarehouseCli.RunAsync(args, CliEnvironment.FromProcess(WarehouseTasks.Snapshot()), stop.Token);
