using System.Data;
using System.Data.Common;

namespace Warehouse.Store.DuckDb;

/// <summary>A DuckDB transaction: everything or nothing. Disposing without commit rolls back.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private readonly DuckDbConnection connection;
    private bool finished;

    internal DuckDbTransaction(DuckDbConnection connection, IsolationLevel isolationLevel)
    {
        this.connection = connection;
        IsolationLevel = isolationLevel == IsolationLevel.Unspecified ? IsolationLevel.Snapshot : isolationLevel;
    }

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel { get; }

    /// <inheritdoc />
    protected override DbConnection DbConnection => connection;

    /// <inheritdoc />
    public override void Commit() => Finish("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Finish("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !finished && connection.State == ConnectionState.Open)
        {
            Finish("ROLLBACK");
        }
        base.Dispose(disposing);
    }

    private void Finish(string statement)
    {
        if (finished) throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        finished = true;
        connection.CurrentTransaction = null;
        connection.Execute(statement);
    }
}
