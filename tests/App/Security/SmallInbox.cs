using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Security;

/// <summary>A few valid Warwickshire consultations to drop in an inbox, and a count of what loaded.</summary>
internal static class SmallInbox
{
    /// <summary>A consultations file with one valid row per child id.</summary>
    internal static string Consultations(params string[] childIds)
    {
        var csv = new StringBuilder("consultation_id,child_id,consultation_date,locality,caller_agency,outcome\r\n");
        foreach (var id in childIds) csv.Append("C-").Append(id).Append(',').Append(id).Append(",2026-05-04,NUN,POLICE,advice\r\n");
        return csv.ToString();
    }

    /// <summary>Writes a file into a folder, creating the folder; returns its path.</summary>
    internal static string Write(string folder, string name, string text)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Consultations in the warehouse (0 when it was never created).</summary>
    internal static long LoadedConsultations(string warehouse)
    {
        if (!File.Exists(warehouse)) return 0;
        using var connection = new DuckDbConnection($"Data Source={warehouse};access_mode=READ_ONLY");
        connection.Open();
        return connection.Scalar<long>("SELECT count(*) FROM fact.consultation");
    }

    /// <summary>The reason the warehouse's load history gives for a file.</summary>
    internal static string? Reason(string warehouse, string fileName)
    {
        using var connection = new DuckDbConnection($"Data Source={warehouse};access_mode=READ_ONLY");
        connection.Open();
        return connection.Scalar<string>("SELECT reason FROM ops.loaded_files WHERE file_name = $1", fileName);
    }
}
