using Warehouse.Bench;

return BenchCommand.Run(args);
