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
    public void Read_only_open_of_a_missing_warehouse_says_what_to_do()
    {
        var error = Assert.Throws<FileNotFoundException>(() => WarehouseFile.Open(Path.Combine(folder, "none.duckdb"), readOnly: true));
        Assert.Contains("warehouse demo", error.Message, StringComparison.Ordinal);
    }
}
