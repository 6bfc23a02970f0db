using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Consultations;

/// <summary>
/// How one consultations file looks: header names (case varies: matching is case-insensitive after trimming),
/// column order (matching is order-free), date style, byte order mark, quoting, line ending, and perhaps an extra
/// column the loader must ignore and report.
/// </summary>
internal sealed record ConsultationFileStyle(
    IReadOnlyList<ConsultationColumn> Order,
    IReadOnlyList<string> Headers,
    DateStyle DateStyle,
    bool ByteOrderMark,
    bool QuoteAll,
    string NewLine,
    string? ExtraHeader,
    string? ExtraValue)
{
    public static readonly IReadOnlyList<string> ContractNames =
    [
        "consultation_id", "child_id", "date_of_birth", "sex", "ethnicity", "disability", "consultation_date",
        "decision_date", "locality", "caller_agency", "contact_source", "consent", "caller_level", "indicators",
        "likelihood", "seriousness", "recommended_level", "outcome", "actual_level", "team",
    ];

    /// <summary>The tidy style: the contract's names and order, ISO dates, CRLF, quoting only where needed.</summary>
    public static ConsultationFileStyle Plain { get; } = new(
        Enum.GetValues<ConsultationColumn>(), ContractNames, DateStyle.Iso, false, false, "\r\n", null, null);

    public static ConsultationFileStyle Choose(Rng rng, bool messy)
    {
        if (!messy)
        {
            return Plain;
        }

        var order = Enum.GetValues<ConsultationColumn>().ToArray();
        var shape = rng.NextDouble();
        if (shape < 0.15)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rng.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        else if (shape < 0.75)
        {
            var swaps = rng.Between(1, 4);
            for (var s = 0; s < swaps; s++)
            {
                var i = rng.NextInt(order.Length - 1);
                (order[i], order[i + 1]) = (order[i + 1], order[i]);
            }
        }

        var casing = rng.NextDouble();
        var headers = new string[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var name = ContractNames[(int)order[i]];
            headers[i] = casing switch
            {
                < 0.60 => name,
                < 0.72 => name.ToUpperInvariant(),
                < 0.87 => TitleCase(name),
                _ => rng.Chance(0.3) ? TitleCase(name) : name,
            };
            if (rng.Chance(0.04))
            {
                headers[i] = rng.Chance(0.5) ? " " + headers[i] : headers[i] + " ";
            }
        }

        var dates = rng.NextDouble() switch
        {
            < 0.60 => DateStyle.Iso,
            < 0.80 => DateStyle.British,
            _ => DateStyle.IsoDateTime,
        };
        var extra = rng.NextDouble() switch
        {
            < 0.12 => ("source_system", "SYNTHETIC"),
            < 0.20 => ("Record Status", "closed"),
            _ => ((string?)null, (string?)null),
        };
        return new ConsultationFileStyle(
            order,
            headers,
            dates,
            rng.Chance(0.3),
            rng.Chance(0.15),
            rng.Chance(0.8) ? "\r\n" : "\n",
            extra.Item1,
            extra.Item2);
    }

    private static string TitleCase(string name) =>
        string.Join('_', name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
