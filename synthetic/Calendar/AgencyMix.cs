using Warehouse.Frameworks;
using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Calendar;

/// <summary>
/// Who calls the front door, by kind of day: police about a quarter, schools a fifth in term time (almost none in
/// the holidays), health services about a sixth, then councils, families and the voluntary sector. An agency the
/// table does not know (a partnership's own reference data) gets a small share.
/// </summary>
internal sealed class AgencyMix
{
    // Shares of calls on a term-time weekday, by agency code.
    private static readonly Dictionary<string, double> TermWeekday = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POLICE"] = 0.240,
        ["SCHOOL"] = 0.190,
        ["EDUCATION_OTHER"] = 0.030,
        ["GP"] = 0.030,
        ["HEALTH_VISITOR"] = 0.040,
        ["SCHOOL_NURSE"] = 0.015,
        ["HEALTH_OTHER"] = 0.030,
        ["ED"] = 0.030,
        ["MENTAL_HEALTH"] = 0.020,
        ["HOUSING"] = 0.020,
        ["LA_SOCIAL_CARE"] = 0.040,
        ["LA_OTHER"] = 0.020,
        ["OTHER_LA"] = 0.020,
        ["EARLY_HELP"] = 0.030,
        ["YOUTH_JUSTICE"] = 0.010,
        ["PROBATION"] = 0.010,
        ["VOLUNTARY"] = 0.030,
        ["FAMILY"] = 0.060,
        ["ACQUAINTANCE"] = 0.020,
        ["SELF"] = 0.010,
        ["INDIVIDUAL_OTHER"] = 0.015,
        ["ANONYMOUS"] = 0.020,
        ["UNKNOWN"] = 0.005,
    };

    // Multipliers in the school holidays (weekdays).
    private static readonly Dictionary<string, double> Holiday = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SCHOOL"] = 0.08,
        ["SCHOOL_NURSE"] = 0.30,
        ["EDUCATION_OTHER"] = 0.50,
        ["FAMILY"] = 1.15,
        ["POLICE"] = 1.05,
    };

    // Multipliers at weekends and on bank holidays; agencies not named work office hours (0.03).
    private static readonly Dictionary<string, double> Weekend = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POLICE"] = 0.50,
        ["ED"] = 0.60,
        ["FAMILY"] = 0.35,
        ["ACQUAINTANCE"] = 0.30,
        ["SELF"] = 0.30,
        ["INDIVIDUAL_OTHER"] = 0.25,
        ["ANONYMOUS"] = 0.40,
        ["MENTAL_HEALTH"] = 0.20,
        ["UNKNOWN"] = 0.30,
    };

    private const double UnknownAgencyShare = 0.005;

    private readonly WeightedTable[] tables = new WeightedTable[3];
    private readonly double[] dayWeights = new double[3];

    public AgencyMix(IReadOnlyList<Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        Agencies = agencies;
        BaseShares = [.. agencies.Select(a => TermWeekday.GetValueOrDefault(a.Code, UnknownAgencyShare))];
        var total = BaseShares.Sum();
        for (var type = 0; type < 3; type++)
        {
            var weights = new double[agencies.Count];
            for (var a = 0; a < agencies.Count; a++)
            {
                var multiplier = (DayType)type switch
                {
                    DayType.HolidayWeekday => Holiday.GetValueOrDefault(agencies[a].Code, 1.0),
                    DayType.Weekend => Weekend.GetValueOrDefault(agencies[a].Code, 0.03),
                    _ => 1.0,
                };
                weights[a] = BaseShares[a] / total * multiplier;
            }

            tables[type] = new WeightedTable(weights);
            dayWeights[type] = weights.Sum();
        }
    }

    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>Each agency's share of calls on a term-time weekday (not normalised).</summary>
    public double[] BaseShares { get; }

    /// <summary>The relative volume of calls on a kind of day (a term-time weekday is 1).</summary>
    public double DayWeight(DayType type) => dayWeights[(int)type];

    public int Draw(DayType type, Rng rng) => tables[(int)type].Sample(rng);
}
