namespace Warehouse.Synthetic.Population;

/// <summary>A growable column of integers in fixed-size chunks: no large reallocation as millions of children arrive.</summary>
internal sealed class IntColumn
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<int[]> chunks = [];

    public int Count { get; private set; }

    public int this[int index]
    {
        get => chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        set => chunks[index >> ChunkBits][index & (ChunkSize - 1)] = value;
    }

    public int Add(int value)
    {
        if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == chunks.Count)
        {
            chunks.Add(new int[ChunkSize]);
        }

        var index = Count++;
        this[index] = value;
        return index;
    }
}
