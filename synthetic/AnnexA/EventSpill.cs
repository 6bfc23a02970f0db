namespace Warehouse.Synthetic.AnnexA;

/// <summary>
/// Annex A rows waiting for their month's return, on disk: a consultation's events can fall in the next month or
/// the one after, and a national-scale month does not fit comfortably in memory. One file per month and list,
/// fixed-size records. The generating thread adds and seals; a sealed month is read by the return writer (possibly
/// on another thread) and then released, which deletes its files.
/// </summary>
internal sealed class EventSpill : IDisposable
{
    private readonly string directory;
    private readonly Dictionary<(int Month, int List), (BinaryWriter Writer, long Count)> open = [];
    private readonly HashSet<int> sealedMonths = [];

    public EventSpill(string directory)
    {
        this.directory = directory;
        Directory.CreateDirectory(directory);
    }

    public void Add(int month, EventRecord record)
    {
        if (sealedMonths.Contains(month))
        {
            throw new InvalidOperationException($"Month {month} was already sealed: an event arrived too late.");
        }

        var key = (month, (int)record.List);
        if (!open.TryGetValue(key, out var entry))
        {
            var stream = new FileStream(PathOf(key), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            entry = (new BinaryWriter(stream), 0);
        }

        record.Write(entry.Writer);
        open[key] = (entry.Writer, entry.Count + 1);
    }

    /// <summary>Closes a month's files: no later event may fall in it.</summary>
    public SealedMonth Seal(int month)
    {
        sealedMonths.Add(month);
        var paths = new string?[6];
        var counts = new long[6];
        for (var list = 1; list <= 5; list++)
        {
            if (open.Remove((month, list), out var entry))
            {
                entry.Writer.Dispose();
                paths[list] = PathOf((month, list));
                counts[list] = entry.Count;
            }
        }

        return new SealedMonth(month, paths, counts);
    }

    /// <summary>Deletes a written month's files.</summary>
    public static void Release(SealedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        foreach (var path in month.Paths)
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
    }

    public void Dispose()
    {
        foreach (var entry in open.Values)
        {
            entry.Writer.Dispose();
        }

        open.Clear();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing a finished run for.
        }
    }

    private string PathOf((int Month, int List) key) =>
        Path.Combine(directory, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m{key.Month}-l{key.List}.bin"));
}
