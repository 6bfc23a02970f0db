using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

public sealed class ScriptAndTransactionTests(InMemoryDatabaseFixture database) : IClassFixture<InMemoryDatabaseFixture>
{
    private readonly DuckDbConnection connection = database.Connection;

    private long Count(string table) => (long)new DuckDbCommand($"SELECT count(*) FROM {table}", connection).ExecuteScalar()!;

    [Fact]
    public void A_script_can_create_a_table_and_then_use_it()
    {
        var changed = connection.Execute("""
            CREATE OR REPLACE TABLE script_t (id INTEGER, name VARCHAR);
            INSERT INTO script_t VALUES (1, 'a'), (2, 'b');
            INSERT INTO script_t VALUES (3, 'c');
            """);
        Assert.Equal(3, changed);
        Assert.Equal(3, Count("script_t"));
    }

    [Fact]
    public void Each_select_of_a_script_is_a_result_set()
    {
        using var command = new DuckDbCommand("SELECT 1; CREATE OR REPLACE TEMP TABLE x AS SELECT 1; SELECT 'two', 2", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.True(reader.NextResult());
        Assert.Equal(2, reader.FieldCount);
        Assert.True(reader.Read());
        Assert.Equal("two", reader.GetString(0));
        Assert.False(reader.NextResult());
    }

    [Fact]
    public void Rollback_leaves_the_table_as_it_was()
    {
        connection.Execute("CREATE OR REPLACE TABLE tx_t (n INTEGER); INSERT INTO tx_t VALUES (1)");
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO tx_t VALUES (2), (3)");
            Assert.Equal(3, Count("tx_t"));
            transaction.Rollback();
        }
        Assert.Equal(1, Count("tx_t"));

        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO tx_t VALUES (4)");
            // Disposed without commit: rolled back.
        }
        Assert.Equal(1, Count("tx_t"));

        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO tx_t VALUES (5)");
            transaction.Commit();
        }
        Assert.Equal(2, Count("tx_t"));
    }

    [Fact]
    public void A_failed_statement_inside_a_transaction_can_be_rolled_back()
    {
        connection.Execute("CREATE OR REPLACE TABLE tx_fail (n INTEGER PRIMARY KEY); INSERT INTO tx_fail VALUES (1)");
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO tx_fail VALUES (2)");
            Assert.Throws<DuckDbException>(() => connection.Execute("INSERT INTO tx_fail VALUES (1)"));
            transaction.Rollback();
        }
        Assert.Equal(1, Count("tx_fail"));
    }

    [Fact]
    public void Errors_carry_duckdbs_message_and_the_sql()
    {
        const string sql = "SELECT * FROM no_such_table_here";
        var error = Assert.Throws<DuckDbException>(() => connection.Execute(sql));
        Assert.Contains("no_such_table_here", error.Message, StringComparison.Ordinal);
        Assert.Contains("Catalog Error", error.Message, StringComparison.Ordinal);
        Assert.Equal(sql, error.Sql);

        var parse = Assert.Throws<DuckDbException>(() => connection.Execute("SELEC 1"));
        Assert.Contains("syntax error", parse.Message, StringComparison.OrdinalIgnoreCase);

        var runtime = Assert.Throws<DuckDbException>(() => connection.Execute("SELECT CAST('x' AS INTEGER)"));
        Assert.Contains("Conversion Error", runtime.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_interrupts_a_long_query()
    {
        using var command = new DuckDbCommand("SELECT count(*) FROM range(100000000000) a", connection);
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.ExecuteScalarAsync(source.Token));
        // The connection is usable afterwards.
        Assert.Equal(1, new DuckDbCommand("SELECT 1", connection).ExecuteScalar());
    }

    [Fact]
    public void The_appender_loads_rows_of_every_common_type()
    {
        connection.Execute("CREATE OR REPLACE TABLE app_t (id BIGINT, name VARCHAR, day DATE, seen_at TIMESTAMP, score DOUBLE, ok BOOLEAN, small INTEGER)");
        using (var appender = connection.CreateAppender("app_t"))
        {
            Assert.Equal(7, appender.ColumnCount);
            for (var i = 0; i < 10_000; i++)
            {
                appender.Append((long)i).Append(i % 3 == 0 ? null : "name-é-" + i).Append(new DateOnly(2026, 1, 1).AddDays(i % 365))
                    .Append(new DateTime(2026, 1, 1, 9, 0, 0)).Append(i / 2.0).Append(i % 2 == 0).Append(i);
                appender.EndRow();
            }
        }
        using var command = new DuckDbCommand("SELECT count(*), count(name), max(day), sum(score), sum(small) FROM app_t", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(10_000L, reader.GetInt64(0));
        Assert.Equal(6_666L, reader.GetInt64(1));
        Assert.Equal(new DateOnly(2026, 12, 31), reader.GetFieldValue<DateOnly>(2));
        Assert.Equal(24_997_500d, reader.GetDouble(3));
    }

    [Fact]
    public void The_appender_reports_a_wrong_row_clearly()
    {
        connection.Execute("CREATE OR REPLACE TABLE app_bad (id INTEGER, name VARCHAR)");
        using var appender = connection.CreateAppender("app_bad");
        appender.Append(1);
        Assert.Throws<DuckDbException>(() => appender.EndRow());
        Assert.Throws<DuckDbException>(() => connection.CreateAppender("no_such_table"));
    }
}
