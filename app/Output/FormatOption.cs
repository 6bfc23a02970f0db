using System.CommandLine;

namespace Warehouse.App.Output;

/// <summary>The <c>--format table|csv|json</c> option, shared by every command that prints rows.</summary>
internal static class FormatOption
{
    internal static Option<string> Create()
    {
        var option = new Option<string>("--format")
        {
            Description = "How to print the rows: a table for reading, csv or json for other programs.",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "csv", "json");
        return option;
    }

    internal static OutputFormat Parse(string? text) => text switch
    {
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Table,
    };
}
