using Maestro.Runtime.Activation;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Proxies;

namespace Maestro.Runtime.Core;

/// <summary>
/// Makes grain references: the silo's co-hosted client (calls go through this silo's router), and in a gateway client
/// the same over the gateway. Only a silo can host observers.
/// </summary>
internal sealed class GrainFactory(IServiceProvider services, IGrainTypeResolver grainTypes, GrainReferenceFactory references) : IClusterClient
{
    private readonly Lazy<GrainRuntime?> runtime = new(services.GetService<GrainRuntime>);

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
        var grainType = grainTypes.Resolve(grainInterfaceType, null);
        return (IGrain)references.Create(grainInterfaceType, new GrainId(grainType, key));
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        if (obj is not TGrainObserverInterface)
        {
            throw new ArgumentException($"{obj?.GetType().FullName} does not implement {typeof(TGrainObserverInterface).FullName}.", nameof(obj));
        }

        return references.Create<TGrainObserverInterface>(Observers().Register(obj));
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        Observers().Unregister(obj);
    }

    private TGrainInterface Create<TGrainInterface>(string key, string? grainClassNamePrefix)
    {
        var grainType = grainTypes.Resolve(typeof(TGrainInterface), grainClassNamePrefix);
        return references.Create<TGrainInterface>(new GrainId(grainType, key));
    }

    private ObserverRegistry Observers() =>
        runtime.Value?.Observers ?? throw new NotSupportedException(
            "Observers live in a silo: a gateway client cannot receive calls. Call the grain from a grain, or poll it.");

    private static string ValidExtension(string keyExtension)
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return keyExtension;
    }
}
