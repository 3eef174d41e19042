namespace Maestro.Runtime.Activation;

/// <summary>
/// Runs an activation's tasks one at a time, on the thread pool. Grain code and the continuations of its awaits are
/// queued here (they capture <see cref="TaskScheduler.Current"/>), which is what makes a turn single-threaded.
/// </summary>
internal sealed class ActivationTaskScheduler(ActivationData activation) : TaskScheduler, IThreadPoolWorkItem
{
    /// <summary>Tasks run per thread-pool visit before yielding, so one busy grain cannot starve the pool.</summary>
    private const int MaxTasksPerVisit = 64;

    private readonly System.Collections.Concurrent.ConcurrentQueue<Task> queue = new();
    private int scheduled;

    public override int MaximumConcurrencyLevel => 1;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = RuntimeContext.Current;
        RuntimeContext.Current = activation;
        try
        {
            for (var i = 0; i < MaxTasksPerVisit && queue.TryDequeue(out var task); i++)
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            RuntimeContext.Current = previous;

            // A full fence, not Volatile.Write: the IsEmpty read below must not move before this store. With only a
            // release store, x86 lets the read see an empty queue while the store still sits in the write buffer; a
            // QueueTask in that window finds scheduled == 1 and does not schedule, and its task is never run.
            Interlocked.Exchange(ref scheduled, 0);
        }

        if (!queue.IsEmpty)
        {
            Schedule();
        }
    }

    protected override void QueueTask(Task task)
    {
        queue.Enqueue(task);
        Schedule();
    }

    /// <summary>Inlining is safe only on the thread already running this activation's turn.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && ReferenceEquals(RuntimeContext.Current, activation) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
