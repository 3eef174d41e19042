using Maestro.Runtime.Activation;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Statistics;

namespace Maestro.Runtime.Messaging;

/// <summary>A grain call in flight: target, method, copied arguments, request context, deadline and the caller's response.</summary>
internal sealed class Message : ActivationWorkItem
{
    private static long lastId;
    private CancellationTokenRegistration cancellation;

    public Message(GrainId target, GrainId? source, GrainMethodDescriptor method, object?[] arguments, RequestContextData? context, TimeSpan timeout, ResponseCompletion? response)
    {
        Id = Interlocked.Increment(ref lastId);
        Target = target;
        Source = source;
        Method = method;
        Arguments = arguments;
        Context = context;
        Timeout = timeout;
        Deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        Response = response;
    }

    public long Id { get; }

    public GrainId Target { get; }

    public GrainId? Source { get; }

    public GrainMethodDescriptor Method { get; }

    public object?[] Arguments { get; }

    public RequestContextData? Context { get; }

    public TimeSpan Timeout { get; }

    /// <summary>An <see cref="Environment.TickCount64"/> value after which the caller no longer waits.</summary>
    public long Deadline { get; }

    /// <summary>Null for one-way calls.</summary>
    public ResponseCompletion? Response { get; }

    /// <summary>How many silos passed this call on after it left its caller's silo (see ClusterWireRequestHandler).</summary>
    public int Forwards { get; set; }

    public override bool AlwaysInterleave => Method.AlwaysInterleave;

    public override bool IsReadOnly => Method.IsReadOnly;

    public override Guid ReentrancyId => Context?.ReentrancyId ?? Guid.Empty;

    public override bool CanForward => true;

    public override bool IsAbandoned => Response?.Completion.IsCompleted ?? false;

    public CancellationToken CancellationToken =>
        Method.CancellationTokenIndex >= 0 && Arguments[Method.CancellationTokenIndex] is CancellationToken token ? token : default;

    public void ObserveCancellation(CancellationToken token) =>
        cancellation = token.UnsafeRegister(static (m, t) => ((Message)m!).Cancel(t), this);

    public override async Task ExecuteAsync(ActivationData activation)
    {
        if (IsAbandoned)
        {
            return;
        }

        RequestContext.Import(Context);
        var runtime = activation.Runtime;

        // Counted only while the dashboard looks: otherwise one field read is the call's whole statistics cost.
        var started = runtime.Statistics.IsCollecting ? runtime.Statistics.Start() : 0;
        try
        {
            object? result;
            var invoker = activation.Metadata.GetInvoker(Method.Method);
            if (runtime.IncomingFilters.Length == 0 && !activation.Metadata.IsIncomingFilter)
            {
                var task = invoker(activation.GrainInstance!, Arguments);
                await task;
                result = Method.GetResult(task);
            }
            else
            {
                var context = new IncomingCallContext(this, activation, invoker, runtime.IncomingFilters);
                await context.Invoke();
                result = context.Result;
            }

            Complete(Method.ResultIsImmutable ? result : runtime.Copier.Copy(result, Method.ResultType), runtime.PendingCalls);
            if (started != 0)
            {
                runtime.Statistics.Record(activation.Metadata, Method, started, failed: false);
            }
        }
        catch (Exception ex)
        {
            if (ex is InconsistentStateException inconsistent && inconsistent.SourceActivationId == activation.ActivationId)
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Its state was changed by another writer.", ex));
            }

            if (Response is null)
            {
                runtime.Logger.LogWarning(ex, "One-way call {Method} on {Grain} failed.", Method, Target);
            }

            Finish(runtime.PendingCalls).TrySetException(ex);
            if (started != 0)
            {
                runtime.Statistics.Record(activation.Metadata, Method, started, failed: true);
            }
        }
    }

    public override void Fail(Exception exception) => Response?.TrySetException(exception);

    private void Complete(object? result, PendingCalls pendingCalls) => Finish(pendingCalls).TrySetResult(result);

    private ResponseCompletion Finish(PendingCalls pendingCalls)
    {
        cancellation.Dispose();
        if (Response is null)
        {
            return NoResponse.Instance;
        }

        pendingCalls.Remove(this);
        return Response;
    }

    private void Cancel(CancellationToken token)
    {
        if (Response?.TrySetCanceled(token) == true)
        {
            cancellation.Dispose();
        }
    }

    /// <summary>Stands in for the response of a one-way call, which nobody waits for.</summary>
    private sealed class NoResponse : ResponseCompletion
    {
        public static readonly NoResponse Instance = new();

        public override Task Completion => Task.CompletedTask;

        public override bool TrySetResult(object? result) => false;

        public override bool TrySetException(Exception exception) => false;

        public override bool TrySetCanceled(CancellationToken cancellationToken) => false;
    }
}
