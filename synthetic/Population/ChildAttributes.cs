using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Population;

/// <summary>
/// A child's fixed traits as a pure function of the run's seed, the partnership and the child's number: every
/// consultation and Annex A row about the child agrees, and nothing per child is kept in memory for them.
/// </summary>
internal sealed class ChildAttributes
{
    private const ulong IdSpace = 100_000_000;

    private static readonly WeightedTable EthnicityTable = new(Ethnicities.Shares);

    private readonly ulong salt;
    private readonly WeightedTable localityTable;
    private readonly string prefix;
    private readonly ulong idOffset;

    public ChildAttributes(long seed, string partnership, IReadOnlyList<double> localityWeights)
    {
        salt = StableHash.Combine((ulong)seed, StableHash.Of("child:" + partnership));
        localityTable = new WeightedTable(localityWeights);
        var letters = new string([.. partnership.Where(char.IsAsciiLetter).Take(3)]).ToUpperInvariant();
        prefix = "SYN-" + (letters.Length == 0 ? "XXX" : letters) + "-";
        idOffset = StableHash.Combine(salt, 0x1D) % IdSpace;
    }

    public ChildTraits Traits(int child)
    {
        var h = StableHash.Combine(salt, (ulong)child);
        var sexDraw = StableHash.ToUnit(h);
        var sex = sexDraw < 0.50 ? 'M' : sexDraw < 0.98 ? 'F' : 'U';
        h = StableHash.Mix(h);
        var ethnicityDraw = StableHash.ToUnit(h);
        var ethnicity = ethnicityDraw < 0.04 ? -1 : EthnicityTable.FromUnit((ethnicityDraw - 0.04) / 0.96);
        h = StableHash.Mix(h);
        var disabilityDraw = StableHash.ToUnit(h);
        byte disability = disabilityDraw < 0.08 ? (byte)1 : disabilityDraw < 0.92 ? (byte)2 : (byte)0;
        h = StableHash.Mix(h);
        var locality = localityTable.FromUnit(StableHash.ToUnit(h));
        return new ChildTraits(sex, ethnicity, disability, locality);
    }

    /// <summary>
    /// The child's identifier, e.g. <c>SYN-WAR-00012345-K</c>: long, clearly synthetic, with a check letter, and the
    /// same in consultations and Annex A so that they link.
    /// </summary>
    /// <remarks>
    /// The eight digits are the child's number scrambled by a bijection of [0, 10^8) (a multiplier coprime to 10^8
    /// and an offset per partnership), so ids do not read as a count yet never collide.
    /// </remarks>
    public string Id(int child)
    {
        const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        var number = (((ulong)child * 48_271UL) + idOffset) % IdSpace;
        var check = Letters[(int)(((number * 7919UL) + 13UL) % (ulong)Letters.Length)];
        return string.Create(prefix.Length + 10, (prefix, number, check), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            var digits = span.Slice(state.prefix.Length, 8);
            var value = state.number;
            for (var i = 7; i >= 0; i--)
            {
                digits[i] = (char)('0' + (value % 10));
                value /= 10;
            }

            span[^2] = '-';
            span[^1] = state.check;
        });
    }
}
