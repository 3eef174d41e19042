using System.Collections.Concurrent;
using System.Reflection;
using Maestro.Runtime.Messaging;

namespace Maestro.Runtime.Proxies;

/// <summary>Creates grain references (dynamic proxies) for grain interfaces.</summary>
internal sealed class GrainReferenceFactory(IServiceProvider services)
{
    private readonly Lazy<GrainCallInvoker> invoker = new(services.GetRequiredService<GrainCallInvoker>);
    private readonly ConcurrentDictionary<Type, Type> primaryInterfaces = new();

    public T Create<T>(GrainId grainId)
    {
        invoker.Value.ValidateInterface(typeof(T));
        var proxy = DispatchProxy.Create<T, GrainProxy>();
        ((GrainProxy)(object)proxy!).Initialize(grainId, invoker.Value);
        return proxy;
    }

    public object Create(Type interfaceType, GrainId grainId)
    {
        if (!interfaceType.IsInterface || !typeof(IAddressable).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.FullName} is not a grain interface.", nameof(interfaceType));
        }

        invoker.Value.ValidateInterface(interfaceType);
        var proxy = (GrainProxy)DispatchProxy.Create(interfaceType, typeof(GrainProxy));
        proxy.Initialize(grainId, invoker.Value);
        return proxy;
    }

    /// <summary>A reference typed as the grain class's most derived grain interface.</summary>
    public IAddressable CreateForClass(Type grainClass, GrainId grainId) =>
        (IAddressable)Create(primaryInterfaces.GetOrAdd(grainClass, PrimaryInterface), grainId);

    private static Type PrimaryInterface(Type grainClass)
    {
        var grainInterfaces = grainClass.GetInterfaces()
            .Where(i => typeof(IAddressable).IsAssignableFrom(i) && i.Assembly != typeof(IAddressable).Assembly)
            .ToList();
        return grainInterfaces.FirstOrDefault(i => !grainInterfaces.Any(other => other != i && i.IsAssignableFrom(other)))
            ?? typeof(IAddressable);
    }
}
