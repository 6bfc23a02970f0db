using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Defines <c>governance_rekey(pseudonym)</c> = HMAC-SHA256(new key, pseudonym as UTF-8 text) as
/// lower-case hex (HMAC written out from DuckDB's sha256): one more link of the chain, the same
/// value as <c>PseudonymKeyChain.Rekey</c>, without the normalisation a raw id gets.
/// </summary>
/// <remarks>A temporary macro: its key material lives in the connection's memory, never in the
/// warehouse file or its write-ahead log (which log row changes, not statements); dropped after use.</remarks>
internal static class SqlRekeyMacro
{
    internal const string Name = "governance_rekey";

    internal static void Define(DuckDbConnection connection, byte[] key)
    {
        var block = new byte[64];
        (key.Length > 64 ? SHA256.HashData(key) : key).CopyTo(block, 0);
        var inner = new StringBuilder(128);
        var outer = new StringBuilder(128);
        foreach (var b in block)
        {
            inner.Append(((byte)(b ^ 0x36)).ToString("x2", CultureInfo.InvariantCulture));
            outer.Append(((byte)(b ^ 0x5c)).ToString("x2", CultureInfo.InvariantCulture));
        }
        connection.Execute($"CREATE OR REPLACE TEMP MACRO {Name}(p) AS sha256(unhex('{outer}') || unhex(sha256(unhex('{inner}') || encode(p))))");
    }

    internal static void Drop(DuckDbConnection connection) => connection.Execute($"DROP MACRO IF EXISTS temp.main.{Name}");
}
