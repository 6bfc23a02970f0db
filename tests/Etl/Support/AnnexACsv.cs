using System.Text;

namespace Warehouse.Etl.Tests.Support;

/// <summary>Builds a single Annex A list as CSV (the per-list form of a return).</summary>
public static class AnnexACsv
{
    public static string List(int list, params (string Child, string Date, string Extra)[] rows)
    {
        var header = list switch
        {
            1 => "Child Unique ID,Gender,Ethnicity,Date of Birth,Date of Contact,Contact Source",
            2 => "Child Unique ID,Gender,Ethnicity,Date of Birth,Assessment start date,Assessment completion date",
            3 => "Child Unique ID,Gender,Ethnicity,Date of Birth,Date of Referral,Referral Source,Referral NFA?,Allocated Worker",
            4 => "Child Unique ID,Gender,Ethnicity,Date of Birth,Continuous Assessment Start Date,Continuous Assessment Date of Authorisation,Was the child assessed as requiring LA children's social care support?",
            5 => "Child Unique ID,Gender,Ethnicity,Date of Birth,Strategy discussion initiating Section 47 Enquiry Start Date,Date of Initial Child Protection Conference",
            6 => "Child Unique ID,Gender,Ethnicity,Date of Birth,CIN Start Date,CIN Closure Date",
            7 => "Child Unique ID,Gender,Ethnicity,Date of Birth,Child Protection Plan Start Date,Child Protection Plan End Date",
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
        var text = new StringBuilder(header).Append("\r\n");
        foreach (var (child, date, extra) in rows)
        {
            var tail = list switch
            {
                1 => "6",
                3 => $"q) 6: Police,{extra},Ms Worker Name",
                _ => extra,
            };
            var row = $"CHILD-{child},b) Female,a) WBRI,2016-04-11,{date},{tail}";
            // Pad to the header's width, so that short rows stay rows (a blank value, not a missing column).
            var missing = header.Count(c => c == ',') - row.Count(c => c == ',');
            text.Append(row).Append(',', Math.Max(0, missing)).Append("\r\n");
        }
        return text.ToString();
    }
}
