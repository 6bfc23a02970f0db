namespace Warehouse.Synthetic.Population;

/// <summary>
/// The episodes that are open or still to open: the source of Lists 6 and 7 and of the open-case floor a later
/// consultation about the same child meets (CONTRACT.md section 3). A child has at most one episode of a kind at a
/// time; closed episodes are dropped once no return or consultation can see them.
/// </summary>
internal sealed class EpisodeRegistry
{
    private readonly List<Episode> episodes = [];
    private readonly Dictionary<int, (Episode? ChildInNeed, Episode? Protection)> latest = [];

    public int Count => episodes.Count;

    /// <summary>Adds the episode unless the child already has one of its kind overlapping it.</summary>
    public bool TryAdd(Episode episode)
    {
        latest.TryGetValue(episode.Child, out var current);
        var existing = episode.Kind == EpisodeKind.ChildInNeed ? current.ChildInNeed : current.Protection;
        if (existing is { } e && e.Start <= episode.End && e.End >= episode.Start)
        {
            return false;
        }

        episodes.Add(episode);
        latest[episode.Child] = episode.Kind == EpisodeKind.ChildInNeed ? (episode, current.Protection) : (current.ChildInNeed, episode);
        return true;
    }

    /// <summary>Whether the child is open on each list at a consultation on the day: started before it, not closed before it.</summary>
    public (bool ChildInNeed, bool Protection) OpenOn(int child, int day)
    {
        if (!latest.TryGetValue(child, out var current))
        {
            return (false, false);
        }

        return (IsOpen(current.ChildInNeed, day), IsOpen(current.Protection, day));

        static bool IsOpen(Episode? e, int day) => e is { } x && x.Start < day && x.End >= day;
    }

    /// <summary>The episodes of a kind open at some time in [first, last], started by <paramref name="cutoff"/>, by start then child.</summary>
    public Episode[] OpenDuring(EpisodeKind kind, int first, int last, int cutoff)
    {
        var startedBy = Math.Min(last, cutoff);
        var open = episodes.Where(e => e.Kind == kind && e.Start <= startedBy && e.End >= first).ToArray();
        Array.Sort(open, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Child.CompareTo(b.Child));
        return open;
    }

    /// <summary>Forgets episodes closed before the day: no later return or consultation sees them.</summary>
    public void ForgetClosedBefore(int day)
    {
        episodes.RemoveAll(e => e.End < day);
        List<int>? gone = null;
        foreach (var (child, current) in latest)
        {
            if ((current.ChildInNeed is null || current.ChildInNeed.Value.End < day) && (current.Protection is null || current.Protection.Value.End < day))
            {
                (gone ??= []).Add(child);
            }
        }

        foreach (var child in gone ?? [])
        {
            latest.Remove(child);
        }
    }
}
