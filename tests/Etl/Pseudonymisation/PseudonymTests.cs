using System.Security.Cryptography;
using System.Text;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Tests.Pseudonymisation;

public sealed class PseudonymTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("warehouse-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_sql_macro_and_the_csharp_chain_give_the_same_pseudonym(int keys)
    {
        var random = new Random(20261122);
        var chain = PseudonymKeyChain.FromKeys(Enumerable.Range(0, keys).Select(i => Bytes(random, i == 1 ? 100 : 32)).ToList());
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        SqlPseudonymMacro.Define(connection, chain);

        foreach (var id in new[] { "ABC123", "  abc123 ", "9212044", "Ñandú-ÿ 42", "X" })
        {
            using var command = new DuckDbCommand("SELECT pseudonym($1)", connection);
            command.Parameters.AddValue(id);
            Assert.Equal(chain.Pseudonym(id), command.ExecuteScalar());
        }
    }

    [Fact]
    public void The_macro_holds_no_key_material_and_its_function_refuses_to_work_once_revoked()
    {
        var key = Encoding.UTF8.GetBytes("a key whose pads must not be seen");
        var chain = PseudonymKeyChain.FromKeys([key]);
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        var function = SqlPseudonymMacro.Define(connection, chain);
        Assert.Equal(chain.Pseudonym(" ab-1"), connection.Scalar<string>("SELECT pseudonym(' ab-1')"));
        Assert.Null(connection.Scalar<string>("SELECT pseudonym('   ')"));

        var definitions = connection.Scalar<string>("SELECT string_agg(coalesce(macro_definition, ''), ' ') FROM duckdb_functions() WHERE function_name = 'pseudonym'")!;
        Assert.Contains("pseudonym_hmac_", definitions, StringComparison.Ordinal);
        var block = new byte[64];
        key.CopyTo(block, 0);
        foreach (var pad in new byte[] { 0x36, 0x5c })
        {
            Assert.DoesNotContain(Convert.ToHexStringLower(block.Select(b => (byte)(b ^ pad)).ToArray()), definitions, StringComparison.Ordinal);
        }

        function.Revoke();
        var error = Assert.Throws<DuckDbException>(() => connection.Scalar<string>("SELECT pseudonym('AB-1')"));
        Assert.Contains("no longer available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pseudonym_is_a_keyed_hmac_of_the_trimmed_upper_cased_id()
    {
        var key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
        var chain = PseudonymKeyChain.FromKeys([key]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("AB-12")));
        Assert.Equal(expected, chain.Pseudonym(" ab-12 "));
        Assert.NotEqual(chain.Pseudonym("AB-12"), PseudonymKeyChain.FromKeys([Encoding.UTF8.GetBytes("another key, another pseudonym!!")]).Pseudonym("AB-12"));
    }

    [Fact]
    public void A_chain_equals_rekeying_the_older_pseudonym()
    {
        var first = Encoding.UTF8.GetBytes("first key of the chain, 32 bytes");
        var second = Encoding.UTF8.GetBytes("second key of the chain, rotated");
        var chained = PseudonymKeyChain.FromKeys([first, second]).Pseudonym("CHILD-1");
        Assert.Equal(chained, PseudonymKeyChain.Rekey(second, PseudonymKeyChain.FromKeys([first]).Pseudonym("CHILD-1")));
    }

    [Fact]
    public void A_missing_key_file_is_an_error_that_says_what_to_do()
    {
        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKeyChain.Load(Path.Combine(folder, "none.key")));
        Assert.Contains("never stored unkeyed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_created_key_file_is_owner_only_and_a_readable_one_is_refused()
    {
        var path = Path.Combine(folder, "sub", "warehouse.key");
        var created = PseudonymKeyChain.Create(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(created.Pseudonym("A1"), PseudonymKeyChain.Load(path).Pseudonym("A1"));
        Assert.Throws<PseudonymKeyException>(() => PseudonymKeyChain.Create(path));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKeyChain.Load(path));
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
