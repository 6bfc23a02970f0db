using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

public sealed class ParameterTests(InMemoryDatabaseFixture database) : IClassFixture<InMemoryDatabaseFixture>
{
    private readonly DuckDbConnection connection = database.Connection;

    [Fact]
    public void Positional_parameters_bind_in_order_with_dollar_numbers_and_question_marks()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $2 || '-' || $1";
        command.Parameters.AddValue("first");
        command.Parameters.AddValue("second");
        Assert.Equal("second-first", command.ExecuteScalar());

        command.CommandText = "SELECT ? + ?";
        Assert.Equal(3, new DuckDbCommand("SELECT ? + ?", connection) { Parameters = { new DuckDbParameter(1), new DuckDbParameter(2) } }.ExecuteScalar());
    }

    [Fact]
    public void Named_parameters_bind_by_name_whatever_their_order_and_prefix()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $b * 10 + $a";
        command.Parameters.Add("a", 1);
        command.Parameters.Add("@b", 2);
        Assert.Equal(21, command.ExecuteScalar());
    }

    [Fact]
    public void A_missing_parameter_is_an_error_naming_it()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $child";
        command.Parameters.Add("other", 1);
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Contains("$child", error.Message, StringComparison.Ordinal);
        Assert.Equal("SELECT $child", error.Sql);
    }

    [Fact]
    public void Null_and_typed_parameters_bind()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $1 IS NULL, $2::DECIMAL(10,3), $3::HUGEINT";
        command.Parameters.AddValue(null);
        command.Parameters.AddValue(-12.345m);
        command.Parameters.AddValue(Int128.MaxValue);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(-12.345m, reader.GetDecimal(1));
        Assert.Equal(Int128.MaxValue, reader.GetFieldValue<Int128>(2));
    }

    [Fact]
    public void A_prepared_command_runs_again_with_new_values()
    {
        connection.Execute("CREATE OR REPLACE TABLE numbers (n INTEGER)");
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO numbers VALUES ($1)";
        var parameter = command.Parameters.AddValue(0);
        for (var i = 1; i <= 5; i++)
        {
            parameter.Value = i;
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        // DuckDB sums INTEGERs into a HUGEINT; the typed getters convert it.
        using var sum = new DuckDbCommand("SELECT sum(n) FROM numbers", connection).ExecuteReader();
        sum.Read();
        Assert.Equal(new System.Numerics.BigInteger(15), sum.GetValue(0));
        Assert.Equal(15L, sum.GetInt64(0));
        Assert.Equal(15, sum.GetInt32(0));
        Assert.Equal(15d, sum.GetDouble(0));
    }
}
