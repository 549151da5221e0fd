using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Retention.Storage.Sqlite;

/// <summary>
/// Group commit: this process's writes go through one queue, and whatever has queued up while the previous
/// transaction ran is written in the next single <c>BEGIN IMMEDIATE</c> transaction, each write inside its own
/// savepoint. Why: a commit costs the same whether it carries one write or fifty (the WAL frames of the pages it
/// dirtied, the checkpoints they cause), and writers of one process no longer meet on SQLite's lock and sleep in
/// its busy handler. A write's task completes only after the commit that carries it, so a caller that has its
/// answer has it durably; a crash before that commit loses the whole batch and tells nobody it succeeded.
/// </summary>
internal sealed class SqliteGroupCommit
{
    // Bounds one transaction's size (and the wait of the last write in it); more writes wait for the next.
    private const int MaxWritesPerCommit = 64;
    private const string Savepoint = "write";

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Channel<IQueuedWrite> _queue = Channel.CreateUnbounded<IQueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;

    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in the next group transaction and returns its result once that transaction
    /// has committed. The write gets the open connection and transaction and must use only those; if it throws,
    /// its own changes are rolled back to its savepoint, the exception reaches this caller, and the other writes
    /// of the batch are unaffected.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = _writer.Value;
        var queued = new QueuedWrite<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new InvalidOperationException("The SQLite write queue is closed.");
        }

        return queued.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<IQueuedWrite>(MaxWritesPerCommit);
        var done = new List<IQueuedWrite>(MaxWritesPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            done.Clear();
            while (batch.Count < MaxWritesPerCommit && _queue.Reader.TryRead(out var next))
            {
                // A caller that gave up before its write started never has it written.
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Cancel();
                }
                else
                {
                    batch.Add(next);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var connection = await _open(CancellationToken.None);
                await using var transaction = connection.BeginTransaction(deferred: false);
                foreach (var write in batch)
                {
                    // Checked again here, not only when the batch was taken: a write can wait in a batch behind a long one
                    // (the caller gives up meanwhile), and a write that has not started is never to be written then.
                    if (write.CancellationToken.IsCancellationRequested)
                    {
                        write.Cancel();
                        continue;
                    }

                    transaction.Save(Savepoint);
                    try
                    {
                        await write.RunAsync(connection, transaction);
                        transaction.Release(Savepoint);
                        done.Add(write);
                    }
                    catch (Exception ex)
                    {
                        transaction.Rollback(Savepoint);
                        transaction.Release(Savepoint);
                        write.Fail(ex);
                    }
                }

                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Opening, BEGIN or COMMIT failed (e.g. another process held the lock past busy_timeout): nothing of
                // the batch is stored, so every write not already failed fails with the cause.
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }

                continue;
            }

            foreach (var write in done)
            {
                write.Complete();
            }
        }
    }

    private interface IQueuedWrite
    {
        CancellationToken CancellationToken { get; }

        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);

        void Cancel();
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) : IQueuedWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        public CancellationToken CancellationToken => cancellationToken;

        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await write(connection, transaction);

        public void Complete() => _completion.TrySetResult(_result);

        public void Fail(Exception exception) => _completion.TrySetException(exception);

        public void Cancel() => _completion.TrySetCanceled(cancellationToken);
    }
}
