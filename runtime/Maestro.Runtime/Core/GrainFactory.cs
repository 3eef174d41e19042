using Maestro.Runtime.Activation;
using Maestro.Runtime.Proxies;

namespace Maestro.Runtime.Core;

/// <summary>The silo's co-hosted client: makes grain references that call grains in this process.</summary>
internal sealed class GrainFactory(IServiceProvider services, GrainRuntime runtime, GrainReferenceFactory references) : IClusterClient
{
    public IServiceProvider ServiceProvider => services;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(primaryKey, grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeyFormat.FromGuid(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeyFormat.FromInteger(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey =>
        Create<TGrainInterface>(GrainKeyFormat.FromGuid(primaryKey, ValidExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Create<TGrainInterface>(GrainKeyFormat.FromInteger(primaryKey, ValidExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => references.Create<TGrainInterface>(grainId);

    public IGrain GetGrain(Type grainInterfaceType, string key)
    {
        ArgumentNullException.ThrowIfNull(grainInterfaceType);
        ArgumentNullException.ThrowIfNull(key);
        var grainType = runtime.Manifest.ResolveClass(grainInterfaceType, null).GrainType;
        return (IGrain)references.Create(grainInterfaceType, new GrainId(grainType, key));
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        if (obj is not TGrainObserverInterface)
        {
            throw new ArgumentException($"{obj?.GetType().FullName} does not implement {typeof(TGrainObserverInterface).FullName}.", nameof(obj));
        }

        return references.Create<TGrainObserverInterface>(runtime.Observers.Register(obj));
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        runtime.Observers.Unregister(obj);
    }

    private TGrainInterface Create<TGrainInterface>(string key, string? grainClassNamePrefix)
    {
        var grainType = runtime.Manifest.ResolveClass(typeof(TGrainInterface), grainClassNamePrefix).GrainType;
        return references.Create<TGrainInterface>(new GrainId(grainType, key));
    }

    private static string ValidExtension(string keyExtension)
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return keyExtension;
    }
}
