using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Pseudonymisation;

/// <summary>
/// Defines <c>pseudonym(id)</c> as a temporary DuckDB macro, so that staging SQL pseudonymises
/// whole columns at once: DuckDB trims and upper-cases the id, and <see cref="PseudonymFunction"/>
/// (HMAC-SHA256 under each key of the chain, registered with the database as a function written
/// in .NET) hashes it on DuckDB's worker threads.
/// </summary>
/// <remarks>
/// The macro lives in the connection's temporary catalog (memory only, gone when the connection
/// closes) and names the function, never a key; the keys stay in the function's memory. It gives
/// the same value as <see cref="PseudonymKeyChain.Pseudonym"/> (a test proves it).
/// </remarks>
internal static class SqlPseudonymMacro
{
    internal const string Name = "pseudonym";

    /// <summary>Defines the macro and returns its function, which the caller revokes when the load ends.</summary>
    internal static PseudonymFunction Define(DuckDbConnection connection, PseudonymKeyChain chain)
    {
        var function = new PseudonymFunction(chain);
        string registered;
        try
        {
            registered = Utf8Function.Register(connection, "pseudonym_hmac", function);
        }
        catch
        {
            function.Dispose();
            throw;
        }
        connection.Execute($"CREATE OR REPLACE TEMP MACRO {Name}(id) AS CASE WHEN id IS NULL OR trim(id) = '' THEN NULL ELSE {registered}(upper(trim(id))) END");
        return function;
    }
}
