namespace Warehouse.Synthetic.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, well distributed, and fully specified here, so a seed gives the same
/// sequence on every machine and runtime (System.Random promises neither). Only integer arithmetic and the basic
/// floating-point operations are used on the data path: no transcendental functions whose last bit may differ
/// between platforms.
/// </summary>
internal sealed class Rng
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public Rng(ulong seed)
    {
        var x = seed;
        s0 = Next(ref x);
        s1 = Next(ref x);
        s2 = Next(ref x);
        s3 = Next(ref x);

        static ulong Next(ref ulong state)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>An independent stream for one purpose (e.g. "consultations" of one partnership), from the run's seed.</summary>
    public static Rng For(long seed, string purpose, long index = 0) =>
        new(StableHash.Combine((ulong)seed, StableHash.Of(purpose), (ulong)index));

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, maxExclusive) (multiply-high; the bias is below 2^-32).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>A uniform integer in [min, maxInclusive].</summary>
    public int Between(int min, int maxInclusive) => min + NextInt(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;
}
