using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

/// <summary>Process-wide measurements (open descriptors, working set): run alone, never beside other tests.</summary>
[CollectionDefinition(nameof(ScaleAndLifetimeTests), DisableParallelization = true)]
public sealed class ProcessWideMeasurements;

[Collection(nameof(ScaleAndLifetimeTests))]
public sealed class ScaleAndLifetimeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("warehouse-store-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_million_rows_read_with_every_value_checked()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        using var command = new DuckDbCommand("SELECT i, i * 0.5 AS d, 'row-' || i AS s FROM range(1000000) t(i)", connection);
        using var reader = command.ExecuteReader();
        long n = 0, sum = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            Assert.Equal(n, i);
            if (reader.GetDouble(1) != i * 0.5) Assert.Fail($"double at row {i}");
            if (i % 9973 == 0) Assert.Equal("row-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2));
            sum += reader.GetString(2).Length;
            n++;
        }
        Assert.Equal(1_000_000, n);
        Assert.Equal(9_888_890, sum); // 4 characters of "row-" plus the digits of 0..999,999
    }

    [Fact]
    public void Eight_threads_each_with_its_own_connection_share_one_file()
    {
        var path = Path.Combine(folder, "threads.duckdb");
        using (var setup = new DuckDbConnection(path))
        {
            setup.Open();
            setup.Execute("CREATE TABLE hits (thread INTEGER, n INTEGER)");
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                using var connection = new DuckDbConnection(path);
                connection.Open();
                using var command = new DuckDbCommand("INSERT INTO hits VALUES ($1, $2)", connection);
                var thread = command.Parameters.AddValue(t);
                var n = command.Parameters.AddValue(0);
                for (var i = 0; i < 200; i++)
                {
                    n.Value = i;
                    command.ExecuteNonQuery();
                }
                using var read = new DuckDbCommand("SELECT count(*) FROM hits WHERE thread = $1", connection);
                read.Parameters.AddValue(t);
                Assert.Equal(200L, read.ExecuteScalar());
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Equal(1600L, new DuckDbCommand("SELECT count(*) FROM hits", setup).ExecuteScalar());
        }
        Assert.False(DuckDbDatabase.IsOpen(path));
    }

    [Fact]
    public void Ten_thousand_connections_open_and_close_without_leaking()
    {
        var path = Path.Combine(folder, "many.duckdb");
        using (var keeper = new DuckDbConnection(path))
        {
            keeper.Open();
            keeper.Execute("CREATE TABLE t AS SELECT 1 AS x");
            OpenAndQuery(path, 500); // warm-up
            var descriptorsBefore = OpenDescriptors();
            GC.Collect();
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var residentBefore = Environment.WorkingSet;

            OpenAndQuery(path, 10_000);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Equal(descriptorsBefore, OpenDescriptors());
            Assert.InRange(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore, long.MinValue, 4L << 20);
            Assert.InRange(Environment.WorkingSet - residentBefore, long.MinValue, 64L << 20);
        }
        Assert.False(DuckDbDatabase.IsOpen(path));

        // The file itself opens and closes 200 times: each time the instance is released.
        for (var i = 0; i < 200; i++)
        {
            using var connection = new DuckDbConnection(path);
            connection.Open();
            Assert.True(DuckDbDatabase.IsOpen(path));
        }
        Assert.False(DuckDbDatabase.IsOpen(path));
    }

    [Fact]
    public void Closing_a_connection_releases_the_file_even_when_a_command_was_not_disposed()
    {
        var path = Path.Combine(folder, "forgotten.duckdb");
        var connection = new DuckDbConnection(path);
        connection.Open();
        connection.Execute("CREATE TABLE t AS SELECT 1 AS x");
        var forgotten = new DuckDbCommand("SELECT x FROM t", connection);
        Assert.Equal(1, forgotten.ExecuteScalar());
        var appender = connection.CreateAppender("t");
        appender.Append(2).EndRow();

        connection.Dispose();

        Assert.False(DuckDbDatabase.IsOpen(path));
        // Nothing else holds the file: a second opening sees the appended row and no write-ahead log is left.
        Assert.False(File.Exists(path + ".wal"));
        using var again = new DuckDbConnection(path);
        again.Open();
        Assert.Equal(2L, new DuckDbCommand("SELECT count(*) FROM t", again).ExecuteScalar());
    }

    [Fact]
    public void Private_memory_databases_are_separate_and_named_ones_shared()
    {
        using var a = new DuckDbConnection(":memory:");
        using var b = new DuckDbConnection(":memory:");
        a.Open();
        b.Open();
        a.Execute("CREATE TABLE only_in_a (x INTEGER)");
        Assert.Throws<DuckDbException>(() => b.Execute("SELECT * FROM only_in_a"));

        using var c = new DuckDbConnection(":memory:shared-test");
        using var d = new DuckDbConnection(":memory:shared-test");
        c.Open();
        d.Open();
        c.Execute("CREATE TABLE in_shared (x INTEGER)");
        d.Execute("INSERT INTO in_shared VALUES (1)");
    }

    [Fact]
    public void Settings_in_the_connection_string_apply_and_read_only_refuses_writes()
    {
        var path = Path.Combine(folder, "settings.duckdb");
        using (var writer = new DuckDbConnection(path))
        {
            writer.Open();
            writer.Execute("CREATE TABLE t AS SELECT 1 AS x");
        }
        using var reader = new DuckDbConnection($"Data Source={path};access_mode=READ_ONLY;enable_external_access=false");
        reader.Open();
        Assert.Equal(1, new DuckDbCommand("SELECT x FROM t", reader).ExecuteScalar());
        Assert.Throws<DuckDbException>(() => reader.Execute("INSERT INTO t VALUES (2)"));
        var external = Assert.Throws<DuckDbException>(() => reader.Execute($"COPY t TO '{Path.Combine(folder, "leak.csv")}'"));
        Assert.False(File.Exists(Path.Combine(folder, "leak.csv")), external.Message);
    }

    private static void OpenAndQuery(string path, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var connection = new DuckDbConnection(path);
            connection.Open();
            using var command = new DuckDbCommand("SELECT x FROM t", connection);
            using var reader = command.ExecuteReader();
            reader.Read();
        }
    }

    private static int OpenDescriptors() =>
        OperatingSystem.IsLinux() ? Directory.GetFiles("/proc/self/fd").Length : 0;
}
