namespace Warehouse.Synthetic.Population;

/// <summary>An open-case episode, by the Annex A list that shows it.</summary>
internal enum EpisodeKind : byte
{
    /// <summary>Not an episode.</summary>
    None = 0,

    /// <summary>A child in need episode (List 6).</summary>
    ChildInNeed = 6,

    /// <summary>A child protection plan (List 7).</summary>
    ChildProtection = 7,
}
