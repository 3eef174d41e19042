using System.Data.Common;

namespace Maestro.Runtime.Sql;

/// <summary>
/// One relational database as the stream log, the reminder table and the lease table see it. Their SQL is written once
/// for SQLite and PostgreSQL alike (named parameters, ON CONFLICT, RETURNING, integer milliseconds for times); what
/// differs is how a connection opens, how a write transaction starts and which SQL expression reads the database clock.
/// </summary>
internal sealed class SqlDatabase(
    string description,
    string nowMilliseconds,
    Func<CancellationToken, ValueTask<DbConnection>> open,
    Func<DbConnection, CancellationToken, ValueTask<DbTransaction>> beginWrite,
    Func<CancellationToken, Task> prepareSchema,
    bool serializeWrites = false) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> owned = [];

    // SQLite has one writer per file; writers that collide wait in its busy handler, which sleeps in growing steps.
    // Queuing this process's hot writers here instead hands the lock over at once.
    private readonly SemaphoreSlim? writeGate = serializeWrites ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Names the database for error messages (never the password).</summary>
    public string Description { get; } = description;

    /// <summary>A SQL expression for the database's clock in Unix milliseconds: leases are measured on it, never a silo's clock.</summary>
    public string NowMilliseconds { get; } = nowMilliseconds;

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => open(cancellationToken);

    /// <summary>A transaction that holds the write lock from its start (SQLite: BEGIN IMMEDIATE), so read-then-write cannot deadlock.</summary>
    public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) => beginWrite(connection, cancellationToken);

    /// <summary>Enters this process's write queue for the database (SQLite only; PostgreSQL locks rows itself). Dispose to leave.</summary>
    public async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (writeGate is null)
        {
            return null;
        }

        await writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(writeGate);
    }

    public Task PrepareSchemaAsync(CancellationToken cancellationToken) => prepareSchema(cancellationToken);

    public void Own(IAsyncDisposable resource) => owned.Add(resource);

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        writeGate?.Dispose();
        foreach (var resource in owned)
        {
            await resource.DisposeAsync();
        }
    }

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
