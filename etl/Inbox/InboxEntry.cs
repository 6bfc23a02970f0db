namespace Warehouse.Etl.Inbox;

/// <summary>Something found in the inbox: a file to load, or an entry refused without being followed.</summary>
/// <param name="Path">The entry's path inside the inbox.</param>
/// <param name="Partnership">The partnership folder it is in; null at the inbox's top level.</param>
/// <param name="Refusal">Why it is refused unread (a directory, a link, a special or oversized file), or null.</param>
internal sealed record InboxEntry(string Path, string? Partnership, string? Refusal)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
