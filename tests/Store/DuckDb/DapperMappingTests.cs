using Dapper;
using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

public sealed class DapperMappingTests(InMemoryDatabaseFixture database) : IClassFixture<InMemoryDatabaseFixture>
{
    private readonly DuckDbConnection connection = database.Connection;

    public sealed record Consultation(string Id, DateOnly ConsultationDate, DateTime DecidedAt, decimal Score, string[] Indicators, int? Level, long Rows);

    public sealed class MutableRow
    {
        public long Id { get; set; }
        public string? Name { get; set; }
        public DateOnly? Day { get; set; }
        public Guid Key { get; set; }
    }

    static DapperMappingTests() => DuckDbDapper.Register();

    [Fact]
    public void Records_with_dates_decimals_and_string_arrays_map()
    {
        var rows = connection.Query<Consultation>("""
            SELECT 'C-' || i AS Id, DATE '2026-01-01' + i::INTEGER AS ConsultationDate,
                   TIMESTAMP '2026-01-01 09:30:00' + to_days(i::INTEGER) AS DecidedAt,
                   (i / 4)::DECIMAL(10,2) AS Score, ['DA', 'NEG-' || i] AS Indicators,
                   CASE WHEN i % 2 = 0 THEN NULL ELSE i::INTEGER END AS Level, count(*) OVER () AS Rows
            FROM range(3) t(i) ORDER BY i
            """).ToList();
        Assert.Equal(3, rows.Count);
        var expected = new Consultation("C-1", new DateOnly(2026, 1, 2), new DateTime(2026, 1, 2, 9, 30, 0), 0.25m, rows[1].Indicators, 1, 3);
        Assert.Equal(expected, rows[1]);
        Assert.Equal(["DA", "NEG-1"], rows[1].Indicators);
        Assert.Null(rows[0].Level);
    }

    [Fact]
    public void Classes_map_and_parameters_come_from_anonymous_objects()
    {
        var key = Guid.NewGuid();
        var row = connection.QuerySingle<MutableRow>(
            "SELECT $id::BIGINT AS Id, $name AS Name, $day::DATE AS Day, $key::UUID AS Key",
            new { id = 7L, name = "Llandrindod – ŵ", day = new DateOnly(2025, 3, 31), key });
        Assert.Equal(7, row.Id);
        Assert.Equal("Llandrindod – ŵ", row.Name);
        Assert.Equal(new DateOnly(2025, 3, 31), row.Day);
        Assert.Equal(key, row.Key);
    }

    [Fact]
    public void Execute_with_a_list_of_objects_inserts_each()
    {
        connection.Execute("CREATE OR REPLACE TABLE dapper_t (id INTEGER, day DATE)");
        var inserted = connection.Execute("INSERT INTO dapper_t VALUES ($id, $day)",
            Enumerable.Range(1, 5).Select(i => new { id = i, day = new DateOnly(2026, 1, i) }));
        Assert.Equal(5, inserted);
        Assert.Equal(new DateOnly(2026, 1, 5), connection.ExecuteScalar<DateOnly>("SELECT max(day) FROM dapper_t"));
    }
}
