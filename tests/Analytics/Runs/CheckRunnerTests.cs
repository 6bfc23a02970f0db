using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Runs;

public sealed class CheckRunnerTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void Run_RecordsItsPeriodCutOffSettingsAndInputs()
    {
        var p = new TestPartnership(warehouse.Connection, "run-record");
        p.Add(
            new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2 },
            new ConsultationRow { Id = "c2", Date = Day("2026-10-06"), ActualSource = "annex_a", Actual = 3 },
            new ConsultationRow { Id = "c3", Date = Day("2026-09-06"), ActualSource = "implied", Actual = 2 });

        var results = p.Run("2026-10", Day("2026-11-30"), new CheckOptions { MinimumCases = 5, HighScore = 7 });

        Assert.Equal("run-record", results.Run.Partnership);
        Assert.Equal(Day("2026-10-01"), results.Run.Period);
        Assert.Equal(Day("2026-11-30"), results.Run.DataCutOff);
        Assert.True(results.Run.CutOffGiven);
        Assert.Equal(Day("2026-10-01"), results.Run.ConsistencyPeriod);
        Assert.Equal(Day("2025-10-01"), results.Run.TrendStart);
        Assert.Equal(5, results.Run.MinimumCases);
        Assert.Equal(7, results.Run.HighScore);
        Assert.Equal("v1", results.Run.FrameworkVersions);
        var analysed = results.Inputs.Where(i => i.InputKind == "actual_source" && i.Detail == "analysed").ToDictionary(i => i.Name, i => i.RowCount);
        Assert.Equal(1, analysed["recorded"]);
        Assert.Equal(1, analysed["annex_a"]);
        Assert.Equal(1, analysed["implied"]);
        Assert.Contains(results.Inputs, i => i.InputKind == "table" && i.Name == "fact.consultation" && i.RowCount == 3);
    }

    [Fact]
    public void Run_EveryRowCarriesItsRunIdAndTwoRunsKeepTheirOwnRows()
    {
        var p = new TestPartnership(warehouse.Connection, "run-twice");
        p.Add(new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2, Likelihood = 9, Seriousness = 9 });

        var first = p.Run("2026-10");
        var second = p.Run("2026-10");

        Assert.NotEqual(first.Run.RunId, second.Run.RunId);
        Assert.NotEmpty(first.Matrices);
        Assert.NotEmpty(first.Measures);
        Assert.NotEmpty(first.Exceptions);
        Assert.All(first.Matrices, m => Assert.Equal(first.Run.RunId, m.RunId));
        Assert.All(first.Measures, m => Assert.Equal(first.Run.RunId, m.RunId));
        Assert.All(first.Exceptions, e => Assert.Equal(first.Run.RunId, e.RunId));
        Assert.Equal(first.Measures.Count, second.Measures.Count);
        Assert.Equal(first.Exceptions.Count, second.Exceptions.Count);
    }

    [Fact]
    public void Run_UsesTheInjectedClock()
    {
        var p = new TestPartnership(warehouse.Connection, "run-clock");
        p.Add(new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2 });
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.Zero));

        var runId = CheckRunner.Run(warehouse.Connection, new CheckRequest { Partnership = "run-clock", Month = "2026-10" }, clock);

        var run = CheckResults.Load(warehouse.Connection, runId).Run;
        Assert.Equal(new DateTime(2026, 11, 2, 7, 30, 0, DateTimeKind.Utc), run.StartedAt);
        Assert.Equal(run.StartedAt, run.FinishedAt);

        var later = CheckRunner.Run(
            warehouse.Connection, new CheckRequest { Partnership = "run-clock", Month = "2026-10" }, new FixedClock(new DateTimeOffset(2026, 12, 2, 7, 30, 0, TimeSpan.Zero)));
        Assert.Equal(later, CheckResults.LatestRunId(warehouse.Connection, "run-clock", "2026-10"));
    }

    [Fact]
    public void Run_Cancelled_RecordsNothing()
    {
        var p = new TestPartnership(warehouse.Connection, "run-cancel");
        p.Add(new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2 });
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CheckRunner.Run(
            warehouse.Connection, new CheckRequest { Partnership = "run-cancel", Month = "2026-10" }, TimeProvider.System, cancel.Token));

        Assert.Null(CheckResults.LatestRunId(warehouse.Connection, "run-cancel", "2026-10"));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("October")]
    public void Run_MonthNotWrittenYearDashMonth_IsRefused(string month)
    {
        Assert.Throws<ArgumentException>(() => CheckRunner.Run(
            warehouse.Connection, new CheckRequest { Partnership = "any", Month = month }, TimeProvider.System));
    }

    [Fact]
    public void Run_FailureHalfway_LeavesNoRowsAndNoTempTables()
    {
        var p = new TestPartnership(warehouse.Connection, "run-fail");
        p.Add(new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2 });
        warehouse.Connection.Execute("ALTER TABLE analytics.exceptions RENAME TO exceptions_away");
        try
        {
            Assert.ThrowsAny<Exception>(() => p.RunId("2026-10"));
        }
        finally
        {
            warehouse.Connection.Execute("ALTER TABLE analytics.exceptions_away RENAME TO exceptions");
        }

        Assert.Null(CheckResults.LatestRunId(warehouse.Connection, "run-fail", "2026-10"));
        using var command = new Warehouse.Store.DuckDb.DuckDbCommand("SELECT count(*) FROM analytics.measures m JOIN analytics.check_runs r USING (run_id) WHERE r.partnership = 'run-fail'", warehouse.Connection);
        Assert.Equal(0L, command.ExecuteScalar());
        Assert.NotNull(p.RunId("2026-10"));
    }

    [Fact]
    public void Run_RecordsLoadedFilesWithTheirHashes()
    {
        var p = new TestPartnership(warehouse.Connection, "run-files");
        p.Add(new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2 });
        warehouse.Connection.Execute("""
            INSERT INTO ops.loaded_files (file_id, run_id, partnership, file_name, sha256, size_bytes, kind, outcome, loaded_at, rows_read, rows_loaded)
            VALUES ('f1', 'load-1', 'run-files', 'october.csv', 'abc123', 100, 'consultations', 'loaded', TIMESTAMPTZ '2026-11-01 09:00:00+00', 1, 1),
                   ('f2', 'load-1', 'run-files', 'junk.csv', 'def456', 100, NULL, 'unrecognised', TIMESTAMPTZ '2026-11-01 09:00:00+00', 0, 0)
            """);

        var results = p.Run("2026-10");

        var file = Assert.Single(results.Inputs, i => i.InputKind == "file");
        Assert.Equal("october.csv", file.Name);
        Assert.Equal("abc123", file.Sha256);
        Assert.Equal("consultations", file.Detail);
        Assert.Equal(1, file.RowCount);
    }

    [Fact]
    public void Run_LeavesNoTemporaryTablesViewsMacrosOrVariablesBehind()
    {
        var p = new TestPartnership(warehouse.Connection, "run-temp");
        p.Add(new ConsultationRow { Id = "c1", Date = Day("2026-10-05"), ActualRecorded = 2 });

        p.RunId("2026-10");

        const string Left = """
            SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'chk%')
                 + (SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'chk%')
                 + (SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE 'chk%')
                 + (SELECT count(*) FROM duckdb_variables() WHERE name LIKE 'chk%')
            """;
        using var command = new Warehouse.Store.DuckDb.DuckDbCommand(Left, warehouse.Connection);
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
