using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Population;

/// <summary>
/// The children of recent consultations, from which repeat consultations are drawn: a ring of the last few months'
/// consultations, so a child with more consultations is more likely to have another. A repeat comes at least
/// <see cref="MinimumGapDays"/> days after the child's previous consultation, so that one consultation's 30-day
/// Annex A window never holds another's events and each consultation's derived level is the one intended.
/// </summary>
internal sealed class RepeatPool
{
    /// <summary>One more than the window: the earlier consultation's events all fall before the later one.</summary>
    public const int MinimumGapDays = 31;

    private const int AdultDays = 6574;

    private readonly int[] ring;
    private long written;

    public RepeatPool(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ring = new int[capacity];
    }

    public void Add(int child)
    {
        ring[written % ring.Length] = child;
        written++;
    }

    /// <summary>A child seen before whose latest consultation is old enough for another today, or -1 after a few tries.</summary>
    public int Draw(Rng rng, ChildStore children, int dayNumber)
    {
        var count = (int)Math.Min(written, ring.Length);
        if (count == 0)
        {
            return -1;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var child = ring[rng.NextInt(count)];
            // A young person of 18 is no longer a child: no front-door consultation about them.
            if (dayNumber - children.LastConsultationDay(child) >= MinimumGapDays && dayNumber - children.BirthDay(child) < AdultDays)
            {
                return child;
            }
        }

        return -1;
    }
}
