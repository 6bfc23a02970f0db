namespace Warehouse.Synthetic.Population;

/// <summary>
/// The CIN census ethnicity codes with approximate shares among children in need in England, and the lettered
/// spelling Annex A templates use (<c>a) WBRI</c>).
/// </summary>
internal static class Ethnicities
{
    public static readonly string[] Codes =
    [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
        "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "NOBT", "REFU",
    ];

    public static readonly double[] Shares =
    [
        0.640, 0.004, 0.004, 0.055, 0.008, 0.025, 0.009, 0.012, 0.026, 0.014,
        0.030, 0.011, 0.014, 0.008, 0.032, 0.011, 0.002, 0.020, 0.040, 0.005,
    ];

    /// <summary>The Annex A spelling: the code after its letter in the template's list.</summary>
    public static readonly string[] AnnexALabels = [.. Codes.Select((code, i) => $"{(char)('a' + i)}) {code}")];
}
