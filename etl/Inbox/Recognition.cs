namespace Warehouse.Etl.Inbox;

/// <summary>What a file was recognised as, with the evidence (an Annex A list's number, a reason when unrecognised).</summary>
internal sealed record Recognition(FileKind Kind, string? Reason, int? AnnexAList = null)
{
    public string KindCode => Kind switch
    {
        FileKind.Consultations => "consultations",
        FileKind.AnnexAWorkbook => "annex_a",
        FileKind.AnnexAList => "annex_a_list",
        FileKind.Localities => "reference_localities",
        FileKind.Agencies => "reference_agencies",
        FileKind.BankHolidays => "reference_bank_holidays",
        FileKind.NationalComparators => "reference_national_comparators",
        FileKind.AuditReturn => "audit_return",
        _ => "unrecognised",
    };
}
