using Microsoft.Extensions.Logging;
using Spectre.Console;
using Warehouse.App.Output;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;

namespace Warehouse.App.Cli;

/// <summary>What a command's action works with: settings read and checked, the terminal, the clock.</summary>
internal sealed class CommandSession(CliEnvironment environment, WarehouseSettings settings, bool verbose, ILoggerFactory logging)
{
    private IAnsiConsole? console;
    private IAnsiConsole? progressConsole;

    public WarehouseSettings Settings { get; } = settings;

    public CliEnvironment Environment { get; } = environment;

    public bool Verbose { get; } = verbose;

    public TimeProvider Time => Environment.Time;

    public TaskRegistry Tasks => Environment.Tasks;

    public TextWriter Out => Environment.Out;

    public ILoggerFactory Logging { get; } = logging;

    /// <summary>Standard output as a Spectre console: colour only for a person at a terminal.</summary>
    public IAnsiConsole Console => console ??= CreateConsole(Environment.Out, Environment.Interactive);

    /// <summary>A line for the person running the command, on standard error (never mixed into data on standard output).</summary>
    public void Note(string line) => Environment.Error.WriteLine(line);

    /// <summary>Writes rows in the chosen format to standard output.</summary>
    public IRowWriter Rows(OutputFormat format) => RowWriters.For(format, Console, Environment.Out, Environment.Error);

    /// <summary>
    /// Runs work with a spinner on standard error when a person is watching; silent when output is
    /// redirected (a script, a pipe, a scheduler), so logs and data files stay clean.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string status, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (!Environment.Interactive) return await work(cancellationToken);
        progressConsole ??= CreateConsole(Environment.Error, interactive: true);
        return await progressConsole.Status().StartAsync(Markup.Escape(status), _ => work(cancellationToken));
    }

    internal static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var created = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no terminal width; keep wide tables on one line per row.
        if (!interactive) created.Profile.Width = 240;
        return created;
    }
}
