using System.CommandLine;
using System.Globalization;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Locking;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Backup;

/// <summary>
/// <c>warehouse restore &lt;folder&gt; [--to &lt;file&gt;]</c>: a backup made by <c>warehouse backup</c>
/// into a new warehouse file, every table's row count checked against the backup. Never over an
/// existing file. Every run is in the access log.
/// </summary>
internal static class RestoreCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var folder = new Argument<string>("folder") { Description = "The backup folder written by 'warehouse backup'." };
        var to = new Option<string?>("--to")
        {
            Description = "The new warehouse file to create (default: the warehouse setting). It must not exist: a restore never replaces a warehouse.",
            HelpName = "file",
        };
        var command = new Command("restore",
            "Restore a backup into a new warehouse file, checking every table's row count against the backup; never over an existing warehouse. " +
            "A backup holds no key: put the key file back from its own backup and run 'warehouse key check' before loading.")
        {
            folder, to,
        };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, token) => RunAsync(session, parse.GetValue(folder)!, parse.GetValue(to), token), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CommandSession session, string folder, string? to, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(folder, session.Environment.WorkingDirectory);
        var target = to is null ? session.Settings.Warehouse : Path.GetFullPath(to, session.Environment.WorkingDirectory);
        long? rows = null;
        var outcome = "failed";
        try
        {
            var manifest = await session.WithProgressAsync("Restoring the backup…",
                token => Task.FromResult(WarehouseBackup.Restore(source, target, token)), cancellationToken);
            rows = manifest.Rows;
            outcome = "ok";
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Restored {manifest.Tables.Count} tables ({manifest.Rows:N0} rows) from {source} into {target}; every table holds the rows the backup recorded (backup made {BusyMessage.Describe(manifest.CreatedAt, session.Settings.TimeZone)}, schema version {manifest.SchemaVersion})."));
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"A backup holds no key. Its pseudonyms were made under key generation {manifest.KeyGeneration}: before loading into the restored warehouse, put a key file holding exactly the first {manifest.KeyGeneration} key(s) of the partnership's chain where the keyFile setting points ({session.Settings.KeyFile}), ") +
                $"make sure the warehouse setting points at {target}, and run 'warehouse key check'.");
            return ExitCodes.Success;
        }
        catch (DuckDbException e)
        {
            throw new CommandFailedException($"The restore failed: {ErrorText.ForPerson(e)}", e);
        }
        finally
        {
            AccessLog.Append(session.Settings.AccessLog, new AccessLogEntry(session.Time.GetUtcNow(), session.Environment.UserName, "restore", $"{source} to {target}", rows, outcome));
        }
    }
}
