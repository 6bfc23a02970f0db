namespace Warehouse.Analytics.Statistics;

/// <summary>
/// A k×k matrix of counts comparing two views of the level: rows are the reference view, columns
/// the compared view, both indexed 0 (lowest level) to k − 1 (top level). All k levels are always
/// present, even when a row or column is empty: some tools drop unused categories and then give
/// different kappas (the weights depend on the number of levels).
/// </summary>
internal sealed class AgreementMatrix
{
    private readonly long[,] counts;

    public AgreementMatrix(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0);
        if (rows == 0 || rows != counts.GetLength(1))
        {
            throw new ArgumentException("An agreement matrix must be square with at least one level.", nameof(counts));
        }

        this.counts = (long[,])counts.Clone();
        Levels = rows;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < rows; j++)
            {
                if (counts[i, j] < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(counts));
                }

                Total += counts[i, j];
            }
        }
    }

    /// <summary>Number of levels k.</summary>
    public int Levels { get; }

    /// <summary>N, the number of pairs counted.</summary>
    public long Total { get; }

    /// <summary>Count of pairs with the reference at <paramref name="reference"/> and the compared view at <paramref name="compared"/>.</summary>
    public long this[int reference, int compared] => counts[reference, compared];

    /// <summary>Builds the matrix from (reference, compared) pairs of 0-based levels.</summary>
    public static AgreementMatrix FromPairs(int levels, IEnumerable<(int Reference, int Compared)> pairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = new long[levels, levels];
        foreach (var (reference, compared) in pairs)
        {
            counts[reference, compared]++;
        }

        return new AgreementMatrix(counts);
    }

    /// <summary>An all-zero matrix: a group with no assessable pairs.</summary>
    public static AgreementMatrix Empty(int levels) => new(new long[levels, levels]);

    public long RowTotal(int reference)
    {
        long sum = 0;
        for (int j = 0; j < Levels; j++)
        {
            sum += counts[reference, j];
        }

        return sum;
    }

    public long ColumnTotal(int compared)
    {
        long sum = 0;
        for (int i = 0; i < Levels; i++)
        {
            sum += counts[i, compared];
        }

        return sum;
    }

    /// <summary>Pairs on the diagonal: both views at the same level.</summary>
    public long Diagonal()
    {
        long sum = 0;
        for (int i = 0; i < Levels; i++)
        {
            sum += counts[i, i];
        }

        return sum;
    }
}
