namespace Warehouse.Reports.Packs.Data;

/// <summary>The columns of <c>analytics.agreement_results</c> a pack publishes, for one comparison, group and month.</summary>
internal sealed record AgreementRow(
    string Comparison,
    DateOnly Period,
    string Grouping,
    string Group,
    bool Provisional,
    long Cases,
    long Agreements,
    double? AgreementLower,
    double? AgreementUpper,
    string LinearKappaStatus,
    double? LinearKappa,
    double? LinearKappaLower,
    double? LinearKappaUpper,
    long Over,
    double? OverLower,
    double? OverUpper,
    long Under,
    double? UnderLower,
    double? UnderUpper,
    long SeriousUnder,
    double? SeriousUnderLower,
    double? SeriousUnderUpper);
