using System.CommandLine;

namespace Warehouse.App.Cli;

/// <summary>Parses the command line and runs the command: the whole program, minus <c>Main</c>.</summary>
internal static class WarehouseCli
{
    /// <summary>Runs <c>warehouse</c> with <paramref name="args"/>; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The terminal, environment, clock and tasks.</param>
    /// <param name="stopping">Signalled by Ctrl+C or SIGTERM.</param>
    internal static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken stopping)
    {
        var runtime = new CommandRuntime(environment);
        var root = CommandTree.Build(runtime);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine answers a parse error with exit code 1 and the whole help text;
            // a usage error is 2 here, and the help is one command away.
            foreach (var error in parse.Errors) environment.Error.WriteLine(error.Message);
            environment.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitCodes.BadUsage;
        }
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            // Stopping is ours to handle: 'serve' lets a running job finish, however long it takes.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(configuration, stopping);
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "warehouse" : result.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
