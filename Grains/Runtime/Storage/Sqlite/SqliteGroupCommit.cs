using Microsoft.Data.Sqlite;

namespace Topiary.Runtime.Storage.Sqlite;

/// <summary>
/// Group commit for <see cref="SqliteGrainStateStore"/> writes. The first writer to arrive while no
/// commit is running leads: it commits, on its own thread, its write together with every write queued
/// by then, in one transaction; writers arriving during that commit queue up and go into the next
/// one. Writes therefore never compete for SQLite's write lock (a busy database makes SQLite's
/// clients back off and sleep, which collapsed throughput tenfold with eight concurrent writers), a
/// lone writer pays no hop, and a burst of N writes costs about one commit. Each write keeps its own
/// ETag check and outcome (a failed check answers <see cref="InconsistentStateException"/> to that
/// writer only); a write is acknowledged only after its transaction committed, and a failed commit
/// fails every write of its batch, none applied.
/// </summary>
internal sealed class SqliteGroupCommit(SqliteDatabase database)
{
    // Bounds how long one transaction holds SQLite's write lock.
    private const int MaxBatch = 256;

    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private bool _committing;

    /// <summary>Applies one conditional write (see <see cref="IGrainStateStore.WriteAsync"/>) and returns its new ETag once committed.</summary>
    public async Task<string> WriteAsync(string grainType, string key, byte[] data, string? expectedETag)
    {
        var write = new PendingWrite(grainType, key, data, expectedETag, ETags.New());
        bool lead;
        lock (_gate)
        {
            _queue.Enqueue(write);
            lead = !_committing;
            _committing = true;
        }
        if (lead)
        {
            await LeadAsync(write);
        }
        return await write.Completion.Task;
    }

    // Commits batches until the queue is empty; once the leader's own write is done it hands the
    // remaining work to the thread pool rather than serving later writers indefinitely.
    private async Task LeadAsync(PendingWrite? own)
    {
        var batch = new List<PendingWrite>();
        while (true)
        {
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _committing = false;
                    return;
                }
                if (own is not null && own.Completion.Task.IsCompleted)
                {
                    _ = Task.Run(() => LeadAsync(null));
                    return;
                }
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var outcomes = new Exception?[batch.Count];
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            // Immediate: take the write lock now rather than upgrade to it mid-batch.
            await using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = await ApplyAsync(connection, transaction, batch[i]);
            }
            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // Whatever stopped the commit, every writer of the batch learns of it.
            foreach (var write in batch)
            {
                write.Completion.TrySetException(exception);
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } conflict)
            {
                batch[i].Completion.TrySetException(conflict);
            }
            else
            {
                batch[i].Completion.TrySetResult(batch[i].ETag);
            }
        }
    }

    // Null when applied; otherwise the conflict (nothing of this write is applied).
    private static async Task<Exception?> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = write.ExpectedETag is null
            ? "INSERT INTO grain_state (grain_type, grain_key, data, etag) VALUES ($type, $key, $data, $etag) ON CONFLICT DO NOTHING;"
            : "UPDATE grain_state SET data = $data, etag = $etag WHERE grain_type = $type AND grain_key = $key AND etag = $expected;";
        command.Parameters.AddWithValue("$type", write.GrainType);
        command.Parameters.AddWithValue("$key", write.Key);
        command.Parameters.AddWithValue("$data", write.Data);
        command.Parameters.AddWithValue("$etag", write.ETag);
        command.Parameters.AddWithValue("$expected", (object?)write.ExpectedETag ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync() > 0)
        {
            return null;
        }
        command.CommandText = "SELECT etag FROM grain_state WHERE grain_type = $type AND grain_key = $key;";
        return new InconsistentStateException(write.GrainType, write.Key, write.ExpectedETag, await command.ExecuteScalarAsync() as string);
    }

    private sealed record PendingWrite(string GrainType, string Key, byte[] Data, string? ExpectedETag, string ETag)
    {
        public TaskCompletionSource<string> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
