using System.Collections.Concurrent;
using System.Reflection;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Messaging;

/// <summary>The caller's side of a grain call: copies arguments, runs outgoing filters, sends, and hands back the typed task.</summary>
internal sealed class GrainCallInvoker
{
    private readonly ConcurrentDictionary<MethodInfo, GrainMethodDescriptor> descriptors = new();
    private readonly ConcurrentDictionary<Type, Exception?> validated = new();
    private readonly IMessageRouter router;
    private readonly DeepCopier copier;
    private readonly PendingCalls pendingCalls;
    private readonly TimeSpan responseTimeout;
    private readonly Lazy<IOutgoingGrainCallFilter[]> outgoingFilters;

    public GrainCallInvoker(IServiceProvider services, IMessageRouter router, DeepCopier copier, PendingCalls pendingCalls, IOptions<MessagingOptions> options)
    {
        this.router = router;
        this.copier = copier;
        this.pendingCalls = pendingCalls;
        responseTimeout = options.Value.ResponseTimeout;
        outgoingFilters = new Lazy<IOutgoingGrainCallFilter[]>(() => [.. services.GetServices<IOutgoingGrainCallFilter>()]);
    }

    /// <summary>Checks every method of a grain interface once, so a bad interface fails at GetGrain with the reason.</summary>
    public void ValidateInterface(Type interfaceType)
    {
        var error = validated.GetOrAdd(interfaceType, type =>
        {
            try
            {
                foreach (var method in type.GetMethods().Concat(type.GetInterfaces().SelectMany(i => i.GetMethods())))
                {
                    Describe(method);
                }

                return null;
            }
            catch (InvalidOperationException ex)
            {
                return ex;
            }
        });
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message, error);
        }
    }

    public GrainMethodDescriptor Describe(MethodInfo method) => descriptors.GetOrAdd(method, GrainMethodDescriptor.Create);

    public object Invoke(GrainId target, MethodInfo method, object?[] arguments)
    {
        var descriptor = Describe(method);
        var token = descriptor.CancellationTokenIndex >= 0 && arguments[descriptor.CancellationTokenIndex] is CancellationToken t ? t : default;
        if (token.IsCancellationRequested)
        {
            var canceled = descriptor.CreateResponse();
            canceled.TrySetCanceled(token);
            return descriptor.ToReturnValue(canceled);
        }

        var response = descriptor.CreateResponse();
        try
        {
            CopyArguments(descriptor, arguments);
            var filters = outgoingFilters.Value;
            if (filters.Length == 0)
            {
                Send(target, descriptor, arguments, descriptor.IsOneWay ? null : response, token);
            }
            else
            {
                _ = RunOutgoingFiltersAsync(new OutgoingCallContext(target, descriptor, arguments, filters, SendFromFiltersAsync), response);
            }
        }
        catch (Exception ex)
        {
            response.TrySetException(ex);
        }

        return descriptor.IsOneWay && !response.Completion.IsFaulted ? descriptor.CompletedReturnValue() : descriptor.ToReturnValue(response);
    }

    private void CopyArguments(GrainMethodDescriptor descriptor, object?[] arguments)
    {
        var immutable = descriptor.ParameterIsImmutable;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!immutable[i])
            {
                arguments[i] = copier.Copy(arguments[i], descriptor.ParameterTypes[i]);
            }
        }
    }

    private void Send(GrainId target, GrainMethodDescriptor descriptor, object?[] arguments, ResponseCompletion? response, CancellationToken token)
    {
        var message = new Message(target, RuntimeContext.Current?.GrainId, descriptor, arguments, RequestContext.Export(), responseTimeout, response);
        if (response is not null)
        {
            pendingCalls.Add(message);
            if (token.CanBeCanceled)
            {
                message.ObserveCancellation(token);
            }
        }

        try
        {
            router.Send(message);
        }
        catch
        {
            pendingCalls.Remove(message);
            throw;
        }
    }

    private async Task<object?> SendFromFiltersAsync(OutgoingCallContext context)
    {
        var descriptor = context.Method;
        var token = descriptor.CancellationTokenIndex >= 0 && context.Arguments[descriptor.CancellationTokenIndex] is CancellationToken t ? t : default;
        if (descriptor.IsOneWay)
        {
            Send(context.TargetId, descriptor, context.Arguments, null, token);
            return null;
        }

        var inner = new ResponseCompletion<object?>();
        Send(context.TargetId, descriptor, context.Arguments, inner, token);
        return await inner.Task;
    }

    private static async Task RunOutgoingFiltersAsync(OutgoingCallContext context, ResponseCompletion response)
    {
        try
        {
            await context.Invoke();
            response.TrySetResult(context.Result);
        }
        catch (OperationCanceledException ex)
        {
            response.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            response.TrySetException(ex);
        }
    }
}
