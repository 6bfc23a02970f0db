namespace Warehouse.Synthetic.Randomness;

/// <summary>
/// Hashes that never change between runs, processes or .NET versions (unlike <see cref="string.GetHashCode()"/>):
/// every random stream and every per-child attribute is derived from them, so the same seed gives the same bytes.
/// </summary>
internal static class StableHash
{
    /// <summary>The SplitMix64 finaliser: a bijective mix of 64 bits.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units of a text, then mixed.</summary>
    public static ulong Of(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }

        return Mix(hash);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b + 0x632BE59BD9B4E019UL));

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    /// <summary>A uniform double in [0, 1) from 64 hashed bits (53 significant bits).</summary>
    public static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
