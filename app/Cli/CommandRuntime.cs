using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warehouse.App.Scheduling;
using Warehouse.App.Settings;

namespace Warehouse.App.Cli;

/// <summary>
/// What every command's action goes through: it reads the settings (a wrong one stops the command
/// with exit code 2, naming it), runs the body, and turns an error into one sentence on standard
/// error with the right exit code (the stack trace only with <c>--verbose</c>).
/// </summary>
internal sealed class CommandRuntime(CliEnvironment environment)
{
    internal CliEnvironment Environment { get; } = environment;

    internal GlobalOptions Options { get; } = new();

    /// <summary>Runs a command body; returns the process exit code.</summary>
    internal async Task<int> RunAsync(ParseResult parse, Func<CommandSession, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var verbose = parse.GetValue(Options.Verbose);
        var error = Environment.Error;
        try
        {
            var settings = SettingsLoader.Load(parse.GetValue(Options.Settings), Environment.Variables, Environment.WorkingDirectory);
            using var logging = Environment.Logging is null ? ConsoleLogging(verbose) : null;
            var session = new CommandSession(Environment, settings, verbose, Environment.Logging ?? logging ?? NullLoggerFactory.Instance);
            return await body(session, cancellationToken);
        }
        catch (SettingsException e)
        {
            foreach (var problem in e.Problems) error.WriteLine(problem);
            return ExitCodes.BadUsage;
        }
        catch (ScheduleException e)
        {
            foreach (var problem in e.Problems) error.WriteLine(problem);
            return ExitCodes.BadUsage;
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            if (verbose) error.WriteLine(e);
            return ExitCodes.BadUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Stopped before it finished.");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine(ErrorText.ForPerson(e));
            if (verbose) error.WriteLine(e);
            return ExitCodes.Failure;
        }
    }

    private static ILoggerFactory ConsoleLogging(bool verbose) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information);
        builder.AddFilter("Quartz", verbose ? LogLevel.Information : LogLevel.Warning);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        // Log lines are for the person, like notes and progress: standard error, so that standard
        // output holds only a command's data (a failed 'load' printed its warning there).
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
