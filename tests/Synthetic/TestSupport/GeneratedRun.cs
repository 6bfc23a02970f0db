using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>
/// One run shared by the tests that read generated data: both partnerships, six months, 6,000 consultations each,
/// inconsistencies planted, with the answer key.
/// </summary>
public sealed class GeneratedRun : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, SourceData> sources = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public GeneratedRun()
    {
        Options = new GeneratorOptions
        {
            Seed = 20_251_122,
            OutputFolder = folder.Sub("inbox"),
            AnswerKeyFolder = folder.Sub("answers"),
            Start = new DateOnly(2025, 1, 1),
            Months = 6,
            ConsultationsPerPartnership = 6_000,
        };
        Data = SyntheticGenerator.Generate(Options);
        Catalog = FrameworkCatalog.LoadEmbedded();
        Reference = ReferenceData.LoadEmbedded();
    }

    public GeneratorOptions Options { get; }

    public GeneratedData Data { get; }

    public FrameworkCatalog Catalog { get; }

    public ReferenceDataSet Reference { get; }

    public string Inbox => Data.OutputFolder;

    public PartnershipManifest Manifest(string partnership) => Data.Manifest.Partnerships.Single(p => p.Partnership == partnership);

    public SourceData Source(string partnership)
    {
        lock (gate)
        {
            if (!sources.TryGetValue(partnership, out var data))
            {
                data = SourceData.Load(Path.Combine(Inbox, partnership), partnership, Catalog);
                sources[partnership] = data;
            }

            return data;
        }
    }

    /// <summary>The answer key's rows by consultation id.</summary>
    public Dictionary<string, string[]> AnswerKey(string partnership, out Csv.Table first)
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        first = null!;
        foreach (var path in Directory.GetFiles(Path.Combine(Options.AnswerKeyFolder!, partnership)).Order(StringComparer.Ordinal))
        {
            var table = Csv.Read(path);
            first ??= table;
            foreach (var row in table.Rows)
            {
                rows.Add(row[0], row);
            }
        }

        return rows;
    }

    public void Dispose() => folder.Dispose();
}
