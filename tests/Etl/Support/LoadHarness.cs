using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.Etl.Tests.Support;

/// <summary>A warehouse file, an inbox and a fixed key in a temporary folder, for loading tests.</summary>
public sealed class LoadHarness : IDisposable
{
    internal static readonly FrameworkCatalog Frameworks = FrameworkCatalog.LoadEmbedded();
    internal static readonly ReferenceDataSet Reference = ReferenceData.LoadEmbedded();

    public LoadHarness(DateTimeOffset? now = null)
    {
        Folder = Directory.CreateTempSubdirectory("warehouse-etl-").FullName;
        Inbox = Path.Combine(Folder, "inbox");
        Directory.CreateDirectory(Inbox);
        WarehousePath = Path.Combine(Folder, "data", "warehouse.duckdb");
        Clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        Keys = PseudonymKeyChain.FromKeys([Encoding.UTF8.GetBytes("test key: never use a fixed key outside tests")]);
        Connection = WarehouseFile.Open(WarehousePath);
        Loader = new InboxLoader(Frameworks, Reference, Options, Clock);
    }

    public string Folder { get; }

    public string Inbox { get; }

    public string WarehousePath { get; }

    public FixedClock Clock { get; }

    internal PseudonymKeyChain Keys { get; }

    public DuckDbConnection Connection { get; private set; }

    public LoadOptions Options { get; set; } = new();

    internal InboxLoader Loader { get; private set; }

    public string Drop(string partnership, string name, string content)
    {
        var folder = Path.Combine(Inbox, partnership);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string DropFile(string partnership, string source, string? name = null)
    {
        var folder = Path.Combine(Inbox, partnership);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name ?? Path.GetFileName(source));
        File.Copy(source, path);
        return path;
    }

    public LoadReport Load()
    {
        Loader = new InboxLoader(Frameworks, Reference, Options, Clock);
        return Loader.Load(Connection, Inbox, Keys);
    }

    public T Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = new DuckDbCommand(sql, Connection);
        foreach (var p in parameters) command.Parameters.AddValue(p);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value is System.Numerics.BigInteger b ? (long)b : value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<object?[]> Rows(string sql, params object?[] parameters)
    {
        using var command = new DuckDbCommand(sql, Connection);
        foreach (var p in parameters) command.Parameters.AddValue(p);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            for (var i = 0; i < values.Length; i++) if (values[i] is DBNull) values[i] = null;
            rows.Add(values);
        }
        return rows;
    }

    /// <summary>Closes the warehouse so its file (and write-ahead log) can be inspected byte by byte.</summary>
    public void Close() => Connection.Dispose();

    public void Reopen() => Connection = WarehouseFile.Open(WarehousePath);

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
