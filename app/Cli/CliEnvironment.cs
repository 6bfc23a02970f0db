using System.Collections;
using Microsoft.Extensions.Logging;
using Warehouse.App.Tasks;

namespace Warehouse.App.Cli;

/// <summary>
/// Everything a command takes from outside the program: the terminal, the environment, the
/// working directory, the clock and the registered tasks. Tests build one with string writers,
/// a fake clock and fake tasks.
/// </summary>
internal sealed record CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>True when a person watches the terminal: progress is shown, tables get colour.</summary>
    public required bool Interactive { get; init; }

    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    public required string WorkingDirectory { get; init; }

    public required TimeProvider Time { get; init; }

    public required TaskRegistry Tasks { get; init; }

    /// <summary>Who runs the command, for the access log (the operating-system user).</summary>
    public required string UserName { get; init; }

    /// <summary>Where <c>serve</c> and jobs log; null for the console.</summary>
    public ILoggerFactory? Logging { get; init; }

    /// <summary>The real process's environment.</summary>
    internal static CliEnvironment FromProcess(TaskRegistry tasks) => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected,
        Variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
        WorkingDirectory = Environment.CurrentDirectory,
        Time = TimeProvider.System,
        Tasks = tasks,
        UserName = Environment.UserName,
    };
}
