using Warehouse.Etl.Pseudonymisation;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Staging;

/// <summary>
/// An in-memory database attached beside the warehouse as <c>staging</c>: source files are read
/// into it raw, validated and pseudonymised there by SQL, and only then copied into the
/// warehouse. Raw child identifiers and full dates of birth therefore never reach the warehouse
/// file, its write-ahead log or the rejects table. Detached (and so freed) on dispose.
/// </summary>
internal sealed class StagingArea : IDisposable
{
    internal const string Schema = "staging";

    private readonly DuckDbConnection connection;
    private PseudonymFunction? pseudonyms;

    private StagingArea(DuckDbConnection connection) => this.connection = connection;

    internal static StagingArea Attach(DuckDbConnection connection, PseudonymKeyChain keys)
    {
        var staging = new StagingArea(connection);
        staging.Clear();
        staging.pseudonyms = SqlPseudonymMacro.Define(connection, keys);
        return staging;
    }

    /// <summary>Empties the staging database between files.</summary>
    internal void Clear()
    {
        connection.Execute($"DETACH DATABASE IF EXISTS {Schema}; ATTACH ':memory:' AS {Schema}");
    }

    public void Dispose()
    {
        // DuckDB keeps the function until the database closes; from now on it refuses to work.
        pseudonyms?.Revoke();
        try
        {
            connection.Execute($"DETACH DATABASE IF EXISTS {Schema}");
        }
        catch (DuckDbException)
        {
            // The connection may already be unusable (an interrupted load); closing it frees the memory anyway.
        }
    }
}
