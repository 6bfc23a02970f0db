using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.AnnexA;

/// <summary>
/// The descriptive text of Annex A rows: teams, made-up worker names (which the loader must drop), organisations,
/// need codes and categories of abuse. All invented; no name belongs to anyone.
/// </summary>
internal sealed class AnnexAVocabulary
{
    private static readonly string[] FirstNames =
    [
        "Ada", "Bram", "Cleo", "Dorian", "Elsie", "Fenwick", "Greta", "Hollis", "Isolde", "Jasper", "Kit", "Linnea",
        "Marlow", "Nell", "Orrin", "Pippa", "Quill", "Rosalind", "Soren", "Tamsin", "Ulric", "Verity", "Wren", "Xanthe",
        "Yusuf", "Zelda", "Brennan-Lee", "Ottilie",
    ];

    private static readonly string[] LastNames =
    [
        "Ashdown", "Brackenbury", "Cranwell", "Dunmore", "Eastfield", "Fairweather", "Gorringe", "Hazeldene", "Ingleby",
        "Jessop", "Kettleborough", "Larkspur", "Merriweather", "Nettlefold", "Oakhurst", "Pennywhistle", "Quarrington",
        "Rookwood", "Saltmarsh", "Thistlewood", "Underhill", "Vantongeren", "Whitlock", "Yarrowby",
    ];

    public static readonly string[] NeedCodes =
    [
        "N1 - Abuse or Neglect", "N1 - Abuse or Neglect", "N1 - Abuse or Neglect", "N1 - Abuse or Neglect", "N1 - Abuse or Neglect",
        "N2 - Child's disability", "N3 - Parental illness/disability", "N4 - Family in acute stress", "N4 - Family in acute stress",
        "N5 - Family dysfunction", "N5 - Family dysfunction", "N6 - Socially unacceptable behaviour", "N7 - Low income",
        "N8 - Absent parenting",
    ];

    public static readonly string[] AbuseCategories =
    [
        "Neglect", "Neglect", "Neglect", "Neglect", "Neglect", "Emotional abuse", "Emotional abuse", "Emotional abuse",
        "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple",
    ];

    public static readonly string[] ClosureReasons =
    [
        "RC1 - Adopted", "RC7 - Transferred to services of another LA", "RC8 - Case closed after assessment, no further action",
        "RC8 - Case closed after assessment, no further action", "RC9 - Case closed after assessment, referred to early help",
        "RC9 - Case closed after assessment, referred to early help",
    ];

    private readonly string[] teams;
    private readonly string[] organisations;
    private readonly string[][] workersByTeam;

    public AnnexAVocabulary(IReadOnlyList<string> localityNames, long seed, string partnership)
    {
        var rng = Rng.For(seed, "annex-a-vocabulary:" + partnership);
        var t = new List<string> { "Multi Agency Safeguarding Hub", "Children with Disabilities Team", "Assessment and Intervention Team" };
        foreach (var name in localityNames)
        {
            t.Add(name + " Duty Team");
            t.Add(name + " Unit 1");
            t.Add(name + " Unit 2");
        }

        teams = [.. t];
        workersByTeam = new string[teams.Length][];
        for (var i = 0; i < teams.Length; i++)
        {
            workersByTeam[i] = new string[rng.Between(3, 6)];
            for (var w = 0; w < workersByTeam[i].Length; w++)
            {
                workersByTeam[i][w] = FirstNames[rng.NextInt(FirstNames.Length)] + " " + LastNames[rng.NextInt(LastNames.Length)];
            }
        }

        var o = new List<string> { "Early Help Service", "Health Visiting Service", "Young Carers Project" };
        foreach (var name in localityNames)
        {
            o.Add("Early Help " + name);
            o.Add(name + " Family Hub");
            o.Add(name + " Primary School");
            o.Add(name + " Academy");
        }

        organisations = [.. o];
    }

    public int TeamCount => teams.Length;

    public int OrganisationCount => organisations.Length;

    public string Team(int index) => teams[index % teams.Length];

    public string Organisation(int index) => organisations[index % organisations.Length];

    /// <summary>A worker of the team, with a non-breaking space between the names when <paramref name="nonBreaking"/>.</summary>
    public string Worker(int team, int pick, bool nonBreaking)
    {
        var workers = workersByTeam[team % workersByTeam.Length];
        var name = workers[pick % workers.Length];
        return nonBreaking ? name.Replace(' ', '\u00A0') : name;
    }
}
