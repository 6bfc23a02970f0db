namespace Warehouse.Synthetic.AnnexA;

/// <summary>A month whose Annex A rows are complete on disk: per list (index 1–5), its spill file and row count.</summary>
internal sealed record SealedMonth(int Month, string?[] Paths, long[] Counts)
{
    public long Count(int list) => Counts[list];

    /// <summary>The month's rows of a list, in the order they were spilled.</summary>
    public IEnumerable<EventRecord> Read(int list)
    {
        var count = Counts[list];
        if (count == 0 || Paths[list] is not { } path)
        {
            yield break;
        }

        using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        for (long i = 0; i < count; i++)
        {
            yield return EventRecord.Read(reader);
        }
    }
}
