using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Warehouse.Analytics.Audit;

/// <summary>
/// The design of a sample as the JSON document stored in <c>fact.audit_sample.design</c>: enough to
/// read the sample without the code (population, strata, allocation, selection rule, auditors,
/// moderation) – docs/audit.md explains each field.
/// </summary>
internal static class AuditDesign
{
    public const int Version = 1;

    public const string Method = "stratified simple random sampling without replacement";

    public const string Strata = "locality x agreement category of recommended -> actual (agreed, over, under); serious under-responses (recommended at the top level, actual at or below the second) form take-all strata";

    public const string Allocation = "take-all strata: every case; other strata: bounded proportional allocation of the remaining size, n_h = clamp(lambda * N_h, min(N_h, minimum), N_h), rounded by largest remainder";

    public const string Selection = "within each stratum the n_h cases with the smallest sha256('<seed>:sample:<consultation_id>')";

    public const string Estimator = "right-level rate: stratified (Horvitz-Thompson / Hajek) estimate with weights N_h / m_h; variance sum W_h^2 (1 - m_h / N_h) s_h^2 / m_h (Cochran 1977, chapter 5); Wilson interval on the effective sample size";

    public static string Write(AuditSample sample, AuditSampleRequest request, int windowDays)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("audit_id", sample.AuditId);
            json.WriteString("partnership", sample.Partnership);
            json.WriteString("period", sample.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            json.WriteString("cut_off", sample.CutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("window_days", windowDays);
            json.WriteString("method", Method);
            json.WriteString("strata_definition", Strata);
            json.WriteString("allocation", Allocation);
            json.WriteString("selection", Selection);
            json.WriteString("estimator", Estimator);
            json.WriteNumber("seed", sample.Seed);
            json.WriteNumber("requested_size", sample.RequestedSize);
            json.WriteNumber("sample_size", sample.Size);
            json.WriteNumber("population", sample.Population);
            json.WriteNumber("minimum_per_stratum", request.MinimumPerStratum);
            json.WriteBoolean("blind", sample.Blind);
            json.WriteStartArray("auditors");
            foreach (var auditor in sample.Auditors)
            {
                json.WriteStartObject();
                json.WriteString("auditor_ref", auditor);
                json.WriteNumber("cases", sample.Cases.Count(c => c.AuditorRef == auditor || c.ModeratorRef == auditor));
                json.WriteNumber("moderation_cases", sample.Cases.Count(c => c.ModeratorRef == auditor));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("moderation_share", request.ModerationShare);
            json.WriteNumber("moderated_cases", sample.Moderated);
            json.WriteStartArray("strata");
            foreach (var stratum in sample.Strata)
            {
                json.WriteStartObject();
                json.WriteString("stratum", stratum.Stratum);
                json.WriteString("locality", stratum.Locality);
                json.WriteString("category", stratum.Category);
                json.WriteNumber("population", stratum.Population);
                json.WriteNumber("sampled", stratum.Sampled);
                json.WriteNumber("inclusion_probability", stratum.InclusionProbability);
                json.WriteBoolean("take_all", stratum.TakeAll);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in sample.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
