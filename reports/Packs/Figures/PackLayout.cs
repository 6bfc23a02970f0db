using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// What a reader of the pack knows about its structure, in plain strings: which figures add up to
/// which, and which counts each published rate divides – and, for tests only, the true value of every
/// quantity. The disclosure tests give this to an intruder along with the published outputs.
/// </summary>
/// <param name="Relations">total = Σ parts, by key.</param>
/// <param name="Rates">Each rate's key, numerator key, denominator key and multiplier.</param>
/// <param name="Truth">The raw value of every quantity (rate differences included).</param>
internal sealed record PackLayout(
    IReadOnlyList<(string Total, IReadOnlyList<string> Parts)> Relations,
    IReadOnlyList<(string Id, string Numerator, string Denominator, decimal Multiplier)> Rates,
    IReadOnlyDictionary<string, long?> Truth)
{
    public static PackLayout Of(FigureBook book, DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(request);
        var relations = book.Relations.Concat(request.Tables.SelectMany(t => t.Relations))
            .Select(r => (r.Total.Value, (IReadOnlyList<string>)r.Parts.Select(p => p.Value).ToList()))
            .ToList();
        var rates = request.Tables.SelectMany(t => t.Cells).OfType<RateCell>()
            .Select(r => (r.Id.Value, r.Numerator.Key.Value, r.Denominator.Key.Value, r.Multiplier))
            .Distinct()
            .ToList();
        var truth = book.Quantities.ToDictionary(q => q.Key.Value, q => q.Value, StringComparer.Ordinal);
        return new PackLayout(relations, rates, truth);
    }

    /// <summary>The key of the difference quantity (denominator − numerator) of a rate, as the disclosure stage names it.</summary>
    public static string Difference(string denominator, string numerator) => CellKey.Difference(new CellKey(denominator), new CellKey(numerator)).Value;
}
