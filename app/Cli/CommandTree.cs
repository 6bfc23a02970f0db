using System.CommandLine;
using Warehouse.App.Commands.Audit;
using Warehouse.App.Commands.Backup;
using Warehouse.App.Commands.Check;
using Warehouse.App.Commands.Demo;
using Warehouse.App.Commands.Export;
using Warehouse.App.Commands.Frameworks;
using Warehouse.App.Commands.Generate;
using Warehouse.App.Commands.Jobs;
using Warehouse.App.Commands.Key;
using Warehouse.App.Commands.Load;
using Warehouse.App.Commands.Pack;
using Warehouse.App.Commands.Purge;
using Warehouse.App.Commands.Subject;
using Warehouse.App.Commands.Log;
using Warehouse.App.Commands.Serve;
using Warehouse.App.Commands.Sql;
using Warehouse.App.Commands.Status;

namespace Warehouse.App.Cli;

/// <summary>
/// Every command of <c>warehouse</c>, in the order of the data's journey. To add a command, put
/// it in <c>app/Commands/&lt;Name&gt;/&lt;Name&gt;Command.cs</c> as a static <c>Create(CommandRuntime)</c>
/// and add it to its group below.
/// </summary>
internal static class CommandTree
{
    internal static RootCommand Build(CommandRuntime runtime)
    {
        var root = new RootCommand(
            "Warehouse: loads front-door consultations, Annex A and audit returns into a DuckDB warehouse, " +
            "checks how consistently the threshold document is applied, and publishes packs and charts.");
        runtime.Options.AddTo(root);

        // Data in (etl/): demo, generate, load – each a thin command over the etl project.
        root.Subcommands.Add(DemoCommand.Create(runtime));
        root.Subcommands.Add(GenerateCommand.Create(runtime));
        root.Subcommands.Add(LoadCommand.Create(runtime));
        root.Subcommands.Add(KeyCommand.Create(runtime));
        // Measures (analytics/, frameworks/): check, audit, frameworks.
        root.Subcommands.Add(CheckCommand.Create(runtime));
        root.Subcommands.Add(AuditCommand.Create(runtime));
        root.Subcommands.Add(FrameworksCommand.Create(runtime));

        // Information governance (etl/Governance): retention, subject rights.
        root.Subcommands.Add(PurgeCommand.Create(runtime));
        root.Subcommands.Add(SubjectCommand.Create(runtime));
        // Out (reports/): pack.
        root.Subcommands.Add(PackCommand.Create(runtime));

        // Analysts: read-only SQL, exports for BI tools, and the log of both.
        root.Subcommands.Add(SqlCommand.Create(runtime));
        root.Subcommands.Add(ExportCommand.Create(runtime));
        root.Subcommands.Add(LogCommand.Create(runtime));

        // Operations: the scheduler service, its jobs, and the run history.
        root.Subcommands.Add(ServeCommand.Create(runtime));
        root.Subcommands.Add(JobsCommand.Create(runtime));
        root.Subcommands.Add(StatusCommand.Create(runtime));
        // Backups of the whole warehouse, and restoring one into a new file (docs/operations.md).
        root.Subcommands.Add(BackupCommand.Create(runtime));
        root.Subcommands.Add(RestoreCommand.Create(runtime));
        return root;
    }
}
