using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Schema;

/// <summary>
/// Applies the numbered migrations shipped in <c>store/Schema/Migrations</c> (embedded resources)
/// that a warehouse has not had yet, each in its own transaction, and records them in
/// <c>meta.schema_migrations</c>. A warehouse made by an older version upgrades itself on open.
/// </summary>
public static class Migrator
{
    private const string Ledger = """
        CREATE SCHEMA IF NOT EXISTS meta;
        CREATE TABLE IF NOT EXISTS meta.schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       VARCHAR NOT NULL,
            sha256     VARCHAR NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        """;

    /// <summary>A migration: its number, file name and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql)
    {
        /// <summary>The SHA-256 of the SQL, to detect an applied migration edited afterwards.</summary>
        public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    /// <summary>The migrations this version ships, in order.</summary>
    public static IReadOnlyList<Migration> Shipped { get; } = LoadShipped();

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Shipped[^1].Version;

    /// <summary>Brings the warehouse up to date; returns the migrations it applied.</summary>
    public static IReadOnlyList<Migration> Apply(DuckDbConnection connection)
    {
        connection.Execute(Ledger);
        var applied = new Dictionary<int, string>();
        using (var command = new DuckDbCommand("SELECT version, sha256 FROM meta.schema_migrations", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        if (applied.Count > 0 && applied.Keys.Max() > LatestVersion)
        {
            throw new InvalidOperationException(
                $"This warehouse has schema version {applied.Keys.Max()}, newer than this build of Warehouse knows ({LatestVersion}). Use a newer build.");
        }

        var done = new List<Migration>();
        foreach (var migration in Shipped)
        {
            if (applied.TryGetValue(migration.Version, out var sha))
            {
                if (sha != migration.Sha256)
                    throw new InvalidOperationException($"Migration {migration.Name} was changed after it was applied to this warehouse; add a new migration instead.");
                continue;
            }
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql);
            using (var record = new DuckDbCommand("INSERT INTO meta.schema_migrations (version, name, sha256) VALUES ($1, $2, $3)", connection))
            {
                record.Parameters.AddValue(migration.Version);
                record.Parameters.AddValue(migration.Name);
                record.Parameters.AddValue(migration.Sha256);
                record.ExecuteNonQuery();
            }
            transaction.Commit();
            done.Add(migration);
        }
        return done;
    }

    private static List<Migration> LoadShipped()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var fileName = resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            var number = fileName.Split('_')[0];
            if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"Migration resource '{fileName}' does not start with a number.");
            migrations.Add(new Migration(version, fileName, Read(assembly, resource)));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3… without gaps; found {migrations[i].Name} at position {i + 1}.");
        }
        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
