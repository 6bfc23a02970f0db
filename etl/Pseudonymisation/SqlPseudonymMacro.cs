using System.Globalization;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Pseudonymisation;

/// <summary>
/// Defines <c>pseudonym(id)</c> as a temporary DuckDB macro, so that staging SQL pseudonymises
/// whole columns at once. HMAC-SHA256 is written out from DuckDB's <c>sha256</c>:
/// HMAC(K, m) = SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m)), applied once per key of the chain.
/// </summary>
/// <remarks>
/// The macro lives in the connection's temporary catalog (memory only, gone when the connection
/// closes); its key material never reaches the warehouse file or its write-ahead log. It gives
/// the same value as <see cref="PseudonymKeyChain.Pseudonym"/> (a test proves it).
/// </remarks>
internal static class SqlPseudonymMacro
{
    internal const string Name = "pseudonym";

    internal static void Define(DuckDbConnection connection, PseudonymKeyChain chain)
    {
        var expression = "encode(upper(trim(id)))";
        foreach (var key in chain.Keys)
        {
            var (inner, outer) = Pads(key);
            expression = $"sha256(unhex('{outer}') || unhex(sha256(unhex('{inner}') || {expression})))";
            expression = $"encode({expression})";
        }
        // The last step's encode() is undone: the pseudonym is the hex text itself.
        expression = expression["encode(".Length..^1];
        connection.Execute($"CREATE OR REPLACE TEMP MACRO {Name}(id) AS CASE WHEN id IS NULL OR trim(id) = '' THEN NULL ELSE {expression} END");
    }

    private static (string Inner, string Outer) Pads(byte[] key)
    {
        // Keys longer than SHA-256's 64-byte block are hashed first, as HMAC requires.
        var block = new byte[64];
        (key.Length > 64 ? System.Security.Cryptography.SHA256.HashData(key) : key).CopyTo(block, 0);
        var inner = new StringBuilder(128);
        var outer = new StringBuilder(128);
        foreach (var b in block)
        {
            inner.Append(((byte)(b ^ 0x36)).ToString("x2", CultureInfo.InvariantCulture));
            outer.Append(((byte)(b ^ 0x5c)).ToString("x2", CultureInfo.InvariantCulture));
        }
        return (inner.ToString(), outer.ToString());
    }
}
