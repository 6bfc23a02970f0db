using System.CommandLine;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Jobs;
using Warehouse.App.Tasks;

namespace Warehouse.App.Commands.Purge;

/// <summary><c>warehouse purge</c>: the retention job, now.</summary>
internal static class PurgeCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("purge", "Delete records past the retention period (default 6 years after a child's latest record) and compact the warehouse file.");
        command.SetAction((parse, token) => runtime.RunAsync(parse,
            (session, t) => JobExecution.RunAsync(session, "purge", TriggerKind.Command, t), token));
        return command;
    }
}
