using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.Store.Tests.Schema;

public sealed class MigratorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "warehouse-migrator-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_new_warehouse_gets_every_migration_once()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        var applied = Migrator.Apply(connection);
        Assert.Equal(Migrator.Shipped.Count, applied.Count);
        Assert.Empty(Migrator.Apply(connection));
        Assert.Equal(Migrator.LatestVersion, new DuckDbCommand("SELECT max(version) FROM meta.schema_migrations", connection).ExecuteScalar());
        foreach (var table in new[] { "fact.consultation", "fact.annex_a_event", "ops.rejects", "ops.loaded_files", "ops.job_runs", "dim.calendar" })
        {
            Assert.NotNull(new DuckDbCommand($"SELECT count(*) FROM {table}", connection).ExecuteScalar());
        }
    }

    [Fact]
    public void The_calendar_knows_financial_years_and_weekends()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        Migrator.Apply(connection);
        using var command = new DuckDbCommand("SELECT financial_year, is_weekend FROM dim.calendar WHERE day = DATE '2026-03-29'", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("2025-26", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
    }

    [Fact]
    public void A_new_warehouse_file_and_its_folder_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // Unix permissions only
        var path = Path.Combine(folder, "nested", "warehouse.duckdb");
        using (var connection = WarehouseFile.Open(path))
        {
            connection.Execute("CREATE TABLE scratch AS SELECT 1");
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_folder_made_before_the_warehouse_is_narrowed_to_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // Unix permissions only
        // As the inbox's transfer or 'warehouse generate' leaves it: the usual 0755.
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(Path.Combine(data, "inbox"));
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);

        WarehouseFile.Open(Path.Combine(data, "warehouse.duckdb")).Dispose();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
    }

    [Fact]
    public void A_warehouse_in_a_folder_shared_by_design_is_refused()
    {
        if (OperatingSystem.IsWindows()) return; // Unix permissions only
        var shared = Path.Combine(folder, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b1_111_111_111); // 1777, like /tmp

        var error = Assert.Throws<InvalidOperationException>(() => WarehouseFile.Open(Path.Combine(shared, "warehouse.duckdb")));

        Assert.Contains("a folder shared with other users", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(shared, "warehouse.duckdb")));
    }

    [Fact]
    public void Read_only_open_of_a_missing_warehouse_says_what_to_do()
    {
        var error = Assert.Throws<FileNotFoundException>(() => WarehouseFile.Open(Path.Combine(folder, "none.duckdb"), readOnly: true));
        Assert.Contains("warehouse demo", error.Message, StringComparison.Ordinal);
    }
}
