namespace Warehouse.Frameworks;

/// <summary>The indicators named in a <c>;</c>-separated list, and any codes the framework does not know.</summary>
/// <param name="Indicators">The known indicators, each once, in the order first given.</param>
/// <param name="UnknownCodes">Codes that are not indicators of this framework version (CONTRACT.md: they reject the row).</param>
public sealed record IndicatorListParseResult(IReadOnlyList<Indicator> Indicators, IReadOnlyList<string> UnknownCodes)
{
    /// <summary>True when every code was known.</summary>
    public bool IsSuccess => UnknownCodes.Count == 0;

    /// <summary>The indicators' ids, for <see cref="LevelEngine"/>.</summary>
    public int[] ToIds()
    {
        var ids = new int[Indicators.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Indicators[i].Id;
        }

        return ids;
    }
}
