namespace Warehouse.Synthetic;

/// <summary>Progress of a run, reported after each month of each partnership.</summary>
/// <param name="Partnership">The partnership being written.</param>
/// <param name="Month">The first day of the month just written.</param>
/// <param name="MonthsDone">Months of this partnership written so far.</param>
/// <param name="MonthsTotal">Months this partnership has.</param>
/// <param name="ConsultationsWritten">Consultations of this partnership written so far.</param>
/// <param name="ConsultationsTotal">Consultations this partnership will have.</param>
public sealed record GeneratorProgress(
    string Partnership,
    DateOnly Month,
    int MonthsDone,
    int MonthsTotal,
    long ConsultationsWritten,
    long ConsultationsTotal);
