using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>
/// Commits grain-state writes through one connection with group commit by flat combining: the writer that finds no
/// commit in progress becomes the leader and commits everything queued, its own write included, as one transaction
/// on its own thread; what arrives meanwhile is committed by one thread-pool worker. A lone writer therefore pays no
/// thread hop, and concurrent writers share each commit. A write is acknowledged only after its transaction commits;
/// writes in one batch run in arrival order and see each other, so ETag checks behave exactly as one by one.
/// </summary>
internal sealed class SqliteGroupCommitWriter
{
    /// <summary>Most writes committed together; bounds how long one batch makes the others wait.</summary>
    private const int MaxBatch = 256;

    private readonly ConcurrentQueue<SqliteWriteRequest> queue = new();
    private readonly List<SqliteWriteRequest> batch = new(MaxBatch);
    private readonly SqliteConnection connection;
    private readonly SqliteWriteStatements statements;
    private readonly string storageName;
    private int leading;
    private volatile bool stopped;

    public SqliteGroupCommitWriter(SqliteConnection connection, string serviceId, string storageName)
    {
        this.connection = connection;
        this.storageName = storageName;
        statements = new SqliteWriteStatements(connection, serviceId);
    }

    public Task<long?> WriteAsync(SqliteWriteRequest request)
    {
        if (stopped)
        {
            throw Stopped(request);
        }

        queue.Enqueue(request);
        if (stopped)
        {
            // Stop took the lead for good and may already have drained: nobody else will commit this.
            FailQueued();
        }
        else if (TryCommitOneBatch() && !queue.IsEmpty)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static w => w.CommitUntilEmpty(), this, preferLocal: false);
        }

        return request.Completion;
    }

    /// <summary>Waits for the commit in progress, commits what is queued, then checkpoints the WAL into the main file.</summary>
    public async Task StopAsync(bool checkpoint)
    {
        stopped = true;
        while (Interlocked.CompareExchange(ref leading, 1, 0) != 0)
        {
            await Task.Delay(1);
        }

        // Lead is kept from here on, so no other thread commits again.
        while (!queue.IsEmpty)
        {
            CommitBatch();
        }

        if (checkpoint)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }

        statements.Dispose();
        await connection.DisposeAsync();
    }

    private void CommitUntilEmpty()
    {
        while (!queue.IsEmpty && TryCommitOneBatch())
        {
        }
    }

    /// <summary>Commits one batch if no other thread is committing; false when another one is (it will see our writes).</summary>
    private bool TryCommitOneBatch()
    {
        if (Interlocked.CompareExchange(ref leading, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            CommitBatch();
        }
        finally
        {
            // A full fence before the caller's IsEmpty check, so a write queued during this commit is never stranded.
            Interlocked.Exchange(ref leading, 0);
        }

        return true;
    }

    private void CommitBatch()
    {
        while (batch.Count < MaxBatch && queue.TryDequeue(out var request))
        {
            batch.Add(request);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            if (batch.Count == 1 && batch[0].Kind is SqliteWriteKind.Update or SqliteWriteKind.Tombstone or SqliteWriteKind.ExpectAbsent)
            {
                // One statement commits by itself; BEGIN and COMMIT would double the cost of a lone writer's update.
                statements.Execute(batch[0]);
            }
            else
            {
                using var transaction = connection.BeginTransaction();
                statements.Transaction = transaction;
                batch.ForEach(statements.Execute);
                transaction.Commit();
            }

            batch.ForEach(static r => r.Deliver());
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            var error = new OrleansException($"SQLite grain storage '{storageName}' could not write ({ex.Message}); no write of this batch was made.", ex);
            batch.ForEach(r => r.Fail(error));
        }
        finally
        {
            statements.Transaction = null;
            batch.Clear();
        }
    }

    private void FailQueued()
    {
        while (queue.TryDequeue(out var request))
        {
            request.Fail(Stopped(request));
        }
    }

    private SiloUnavailableException Stopped(SqliteWriteRequest request) =>
        new($"SQLite grain storage '{storageName}' is stopped; the write of state '{request.StateName}' of grain {request.GrainId} was not made.");
}
