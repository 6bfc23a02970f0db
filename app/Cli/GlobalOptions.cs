using System.CommandLine;

namespace Warehouse.App.Cli;

/// <summary>The options every command takes: <c>--settings</c> and <c>--verbose</c>.</summary>
internal sealed class GlobalOptions
{
    internal Option<string?> Settings { get; } = new("--settings")
    {
        Description = "The settings file (default: warehouse.json in the working directory, if present).",
        HelpName = "file",
        Recursive = true,
    };

    internal Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show details, and the stack trace of an error.",
        Recursive = true,
    };

    internal void AddTo(RootCommand root)
    {
        root.Options.Add(Settings);
        root.Options.Add(Verbose);
    }
}
