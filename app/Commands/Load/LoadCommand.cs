using System.CommandLine;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Jobs;
using Warehouse.App.Tasks;

namespace Warehouse.App.Commands.Load;

/// <summary><c>warehouse load</c>: the <c>load-inbox</c> job, now, followed by the checks when it brought new data.</summary>
internal static class LoadCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("load", "Load every file waiting in the inbox (consultations, Annex A returns, reference data), then run the checks if anything changed.");
        command.SetAction((parse, token) => runtime.RunAsync(parse,
            (session, t) => JobExecution.RunAsync(session, "load-inbox", TriggerKind.Command, t), token));
        return command;
    }
}
