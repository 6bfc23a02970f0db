using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Support;

internal static class CommandExtensions
{
    /// <summary>Sets the command's text and returns it, for one-line queries in assertions.</summary>
    internal static DuckDbCommand Let(this DuckDbCommand command, string sql)
    {
        command.CommandText = sql;
        return command;
    }
}
