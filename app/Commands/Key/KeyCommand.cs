using System.CommandLine;
using Warehouse.App.Cli;
using Warehouse.App.Access;
using Warehouse.Etl.Governance;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Key;

/// <summary>
/// <c>warehouse key create|rotate|check|recover</c>: the pseudonymisation key file (owner-only,
/// never overwritten), its rotation and the recovery of an interrupted rotation.
/// </summary>
internal static class KeyCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("key", "Manage the key that pseudonymises child identifiers.");
        var create = new Command("create", "Create the key file named by the keyFile setting (owner-only). An existing key file is never overwritten: losing a key breaks linkage with everything already loaded.");
        create.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) =>
        {
            try
            {
                PseudonymKeyChain.Create(session.Settings.KeyFile);
            }
            catch (PseudonymKeyException e)
            {
                throw new CommandFailedException(e.Message);
            }
            session.Out.WriteLine($"Created the pseudonymisation key file {session.Settings.KeyFile} (readable by its owner only). Back it up apart from the warehouse.");
            return Task.FromResult(ExitCodes.Success);
        }, token));
        command.Subcommands.Add(create);

        var rotate = new Command("rotate", "Add a new key: every stored pseudonym is re-keyed (HMAC under the new key) in one transaction, and the key file keeps the whole chain. Linkage survives.");
        rotate.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) => WithWarehouse(session, warehouse =>
        {
            var report = KeyRotation.Rotate(warehouse, session.Settings.KeyFile, session.Time);
            session.Out.WriteLine($"Rotated the key: generation {report.Generation}, {report.RowsRekeyed.Values.Sum():N0} stored pseudonyms re-keyed. Back up {session.Settings.KeyFile} now: without it nothing new can be linked.");
            return ExitCodes.Success;
        }), token));
        command.Subcommands.Add(rotate);

        var check = new Command("check", "Check that the key file matches the warehouse and that no rotation was interrupted.");
        check.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) => WithWarehouse(session, warehouse =>
        {
            var status = KeyRotation.Check(warehouse, session.Settings.KeyFile);
            session.Out.WriteLine(status.Message);
            return status.Usable ? ExitCodes.Success : ExitCodes.Failure;
        }), token));
        command.Subcommands.Add(check);

        var recover = new Command("recover", "Finish or undo a key rotation that was interrupted (a leftover <keyfile>.next).");
        recover.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) => WithWarehouse(session, warehouse =>
        {
            var outcome = KeyRotation.Recover(warehouse, session.Settings.KeyFile, session.Time);
            session.Out.WriteLine(outcome switch
            {
                KeyRecoveryOutcome.Completed => "The interrupted rotation had committed: the key file now holds the new chain.",
                KeyRecoveryOutcome.RolledBack => "The interrupted rotation had not committed: its new key was removed; warehouse and key file are as before.",
                _ => "There was no interrupted rotation to recover.",
            });
            return ExitCodes.Success;
        }), token));
        command.Subcommands.Add(recover);
        return command;
    }

    /// <summary>Runs key work on the open warehouse; the key library's refusals become one clear sentence.</summary>
    private static Task<int> WithWarehouse(CommandSession session, Func<DuckDbConnection, int> work)
    {
        using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
        try
        {
            return Task.FromResult(work(warehouse));
        }
        catch (Exception e) when (e is PseudonymKeyException or InvalidOperationException)
        {
            throw new CommandFailedException(e.Message);
        }
    }
}
