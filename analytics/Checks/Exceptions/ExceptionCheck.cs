using Warehouse.Analytics.Runs;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Checks.Exceptions;

/// <summary>The case-level exceptions: set work only, so all of it is in Sql/exceptions.sql.</summary>
internal static class ExceptionCheck
{
    public static void Run(DuckDbConnection connection) =>
        SqlScripts.Execute(connection, "Checks/Exceptions/Sql/exceptions.sql");
}
