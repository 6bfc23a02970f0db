using Warehouse.App.Tasks;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Scheduling.Running;

/// <summary>Which failures are worth a retry: a busy warehouse, a brief I/O problem, a timeout.</summary>
internal static class TransientFailures
{
    internal static bool IsTransient(Exception error) => error switch
    {
        TransientTaskException or TimeoutException => true,
        DuckDbException duck => duck.IsLockConflict,
        // A file or folder that is not there will not appear by waiting.
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0]),
        _ => false,
    };
}
