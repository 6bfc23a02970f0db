using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

/// <summary>One in-memory DuckDB per test class, shared by name so tests can open more connections.</summary>
public sealed class InMemoryDatabaseFixture : IDisposable
{
    public InMemoryDatabaseFixture()
    {
        ConnectionString = $"Data Source=:memory:fixture-{Guid.NewGuid():N}";
        Connection = new DuckDbConnection(ConnectionString);
        Connection.Open();
    }

    public string ConnectionString { get; }

    public DuckDbConnection Connection { get; }

    public DuckDbConnection OpenAnother()
    {
        var connection = new DuckDbConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose() => Connection.Dispose();
}
