namespace Warehouse.Synthetic.Population;

/// <summary>A child in need episode or child protection plan, as day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
/// <param name="Child">The child's number.</param>
/// <param name="BirthDay">The child's date of birth.</param>
/// <param name="Kind">Which list shows it.</param>
/// <param name="Start">The first day.</param>
/// <param name="End">The closing day (it may lie beyond the data: then no return shows it).</param>
/// <param name="Detail">A draw for the list's descriptive columns (need code, category of abuse).</param>
internal readonly record struct Episode(int Child, int BirthDay, EpisodeKind Kind, int Start, int End, byte Detail);
