using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Metadata;

/// <summary>Everything the runtime needs to know about one grain class, computed once.</summary>
internal sealed class GrainClassMetadata
{
    private readonly ConcurrentDictionary<MethodInfo, Func<object, object?[], Task>> invokers = new();
    private readonly ConcurrentDictionary<MethodInfo, MethodInfo> implementations = new();

    public GrainClassMetadata(Type classType, GrainType grainType, bool isObserver = false)
    {
        ClassType = classType;
        GrainType = grainType;
        // Observers are plain client objects: calls to them are not serialized into turns, as in Orleans.
        IsReentrant = isObserver || classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        StatelessWorker = classType.GetCustomAttribute<StatelessWorkerAttribute>(inherit: true);
        KeepAlive = isObserver || classType.IsDefined(typeof(KeepAliveAttribute), inherit: true);
        CollectionAgeLimit = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)?.Amount;
        IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        Placement = classType.GetCustomAttribute<PlacementAttribute>(inherit: true);
    }

    public Type ClassType { get; }

    public GrainType GrainType { get; }

    public bool IsReentrant { get; }

    public StatelessWorkerAttribute? StatelessWorker { get; }

    public bool KeepAlive { get; }

    public TimeSpan? CollectionAgeLimit { get; }

    /// <summary>The class's placement strategy; null means the default, random.</summary>
    public PlacementAttribute? Placement { get; }

    /// <summary>The class filters its own incoming calls.</summary>
    public bool IsIncomingFilter { get; }

    /// <summary>A delegate that calls <paramref name="interfaceMethod"/> on an instance, through the interface.</summary>
    public Func<object, object?[], Task> GetInvoker(MethodInfo interfaceMethod) =>
        invokers.GetOrAdd(interfaceMethod, static method => CompileInvoker(method));

    public MethodInfo GetImplementation(MethodInfo interfaceMethod) =>
        implementations.GetOrAdd(interfaceMethod, static (method, type) =>
        {
            var map = type.GetInterfaceMap(method.DeclaringType!);
            var index = Array.IndexOf(map.InterfaceMethods, method);
            return index >= 0 ? map.TargetMethods[index] : method;
        }, ClassType);

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters()
            .Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType))
            .ToArray();
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            call = Expression.Call(call, method.ReturnType.GetMethod(nameof(ValueTask<int>.AsTask))!);
        }
        else if (method.ReturnType == typeof(ValueTask))
        {
            call = Expression.Call(call, typeof(ValueTask).GetMethod(nameof(ValueTask.AsTask))!);
        }

        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, args).Compile();
    }
}
