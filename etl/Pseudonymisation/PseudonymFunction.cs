using System.Buffers;
using System.Security.Cryptography;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Pseudonymisation;

/// <summary>
/// The key chain's HMAC-SHA256 as a DuckDB function over a normalised identifier's UTF-8 bytes:
/// the same lower-case hex as <see cref="PseudonymKeyChain.Pseudonym"/>, computed by .NET's
/// cryptography on DuckDB's worker threads, each thread with its own HMAC state per key.
/// </summary>
/// <remarks>
/// The keys stay in this object's memory; no SQL text ever holds them. <see cref="Revoke"/>
/// makes every later call fail, so the function is usable only while the load that made it runs.
/// </remarks>
internal sealed class PseudonymFunction : Utf8Function, IDisposable
{
    private const int HexBytes = 64;

    private readonly ThreadLocal<IncrementalHash[]> hashes;
    private volatile bool revoked;

    internal PseudonymFunction(PseudonymKeyChain chain)
    {
        var keys = chain.Keys;
        hashes = new ThreadLocal<IncrementalHash[]>(
            () => keys.Select(k => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, k)).ToArray(), trackAllValues: true);
    }

    public override void Map(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (revoked) throw new InvalidOperationException("The pseudonym function is no longer available: the load that defined it has finished.");
        Span<byte> mac = stackalloc byte[32];
        var hex = output.GetSpan(HexBytes)[..HexBytes];
        var current = input;
        foreach (var hash in hashes.Value!)
        {
            // Each later key hashes the previous pseudonym's hex text (PseudonymKeyChain's chain).
            hash.AppendData(current);
            hash.GetHashAndReset(mac);
            WriteLowerHex(mac, hex);
            current = hex;
        }
        output.Advance(HexBytes);
    }

    /// <summary>Makes every later call fail.</summary>
    internal void Revoke() => revoked = true;

    public void Dispose()
    {
        revoked = true;
        foreach (var chain in hashes.Values)
        {
            foreach (var hash in chain) hash.Dispose();
        }
        hashes.Dispose();
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<byte> output)
    {
        ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
        for (var i = 0; i < bytes.Length; i++)
        {
            output[2 * i] = digits[bytes[i] >> 4];
            output[2 * i + 1] = digits[bytes[i] & 0xF];
        }
    }
}
