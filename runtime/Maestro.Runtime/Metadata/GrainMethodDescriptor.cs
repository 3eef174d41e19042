using System.Reflection;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Metadata;

/// <summary>What the runtime knows about one grain interface method: how to call it, copy its data and shape its result.</summary>
internal sealed class GrainMethodDescriptor
{
    private readonly ResponseFactory responseFactory;

    private GrainMethodDescriptor(MethodInfo method, ReturnKind returnKind, Type resultType)
    {
        Method = method;
        ReturnKind = returnKind;
        ResultType = resultType;
        InterfaceName = method.DeclaringType!.Name;
        IsOneWay = method.IsDefined(typeof(OneWayAttribute));
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute));
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute));
        var parameters = method.GetParameters();
        ParameterTypes = [.. parameters.Select(p => p.ParameterType)];
        ParameterIsImmutable = parameters
            .Select(p => p.IsDefined(typeof(ImmutableAttribute)) || ImmutableTypes.IsImmutable(p.ParameterType))
            .ToArray();
        CancellationTokenIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
        ResultIsImmutable = method.IsDefined(typeof(ImmutableAttribute))
            || method.ReturnParameter.IsDefined(typeof(ImmutableAttribute))
            || ImmutableTypes.IsImmutable(resultType);
        responseFactory = (ResponseFactory)Activator.CreateInstance(typeof(ResponseFactory<>).MakeGenericType(resultType))!;
    }

    public MethodInfo Method { get; }

    /// <summary>The dashboard's counters this method last counted into; a cache that saves a dictionary lookup per call.</summary>
    public Statistics.MethodCallCounters? StatisticsCounters { get; set; }

    public string InterfaceName { get; }

    public string MethodName => Method.Name;

    public ReturnKind ReturnKind { get; }

    /// <summary>The T of Task&lt;T&gt;, or <see cref="object"/> for methods with no result.</summary>
    public Type ResultType { get; }

    public bool HasResult => ReturnKind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;

    public bool IsOneWay { get; }

    public bool AlwaysInterleave { get; }

    public bool IsReadOnly { get; }

    public Type[] ParameterTypes { get; }

    public bool[] ParameterIsImmutable { get; }

    public int CancellationTokenIndex { get; }

    public bool ResultIsImmutable { get; }

    public override string ToString() => $"{InterfaceName}.{MethodName}";

    public ResponseCompletion CreateResponse() => responseFactory.Create();

    /// <summary>Reads the result of a completed task returned by the grain method.</summary>
    public object? GetResult(Task completed) => HasResult ? responseFactory.GetResult(completed) : null;

    /// <summary>Validates an interface method and describes it, or says exactly what is wrong.</summary>
    public static GrainMethodDescriptor Create(MethodInfo method)
    {
        var where = $"{method.DeclaringType?.FullName}.{method.Name}";
        if (method.IsGenericMethodDefinition || method.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"Grain method {where} is generic; grain methods cannot have type parameters.");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new InvalidOperationException($"Grain method {where} has a ref or out parameter; grain calls copy their arguments, so use the result instead.");
        }

        var returnType = method.ReturnType;
        (ReturnKind kind, Type result) = returnType switch
        {
            _ when returnType == typeof(Task) => (ReturnKind.Task, typeof(object)),
            _ when returnType == typeof(ValueTask) => (ReturnKind.ValueTask, typeof(object)),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(Task<>) => (ReturnKind.TaskOfT, returnType.GetGenericArguments()[0]),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) => (ReturnKind.ValueTaskOfT, returnType.GetGenericArguments()[0]),
            _ => throw new InvalidOperationException(
                $"Grain method {where} returns {returnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>."),
        };

        var descriptor = new GrainMethodDescriptor(method, kind, result);
        if (descriptor.IsOneWay && descriptor.HasResult)
        {
            throw new InvalidOperationException($"Grain method {where} is [OneWay] but returns a value; one-way methods must return Task or ValueTask.");
        }

        return descriptor;
    }

    /// <summary>Turns a response into the object the proxy returns (Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;).</summary>
    public object ToReturnValue(ResponseCompletion response) => responseFactory.ToReturnValue(response, ReturnKind);

    /// <summary>The return value of a one-way call: already complete.</summary>
    public object CompletedReturnValue() => ReturnKind == ReturnKind.ValueTask ? default(ValueTask) : Task.CompletedTask;
}
