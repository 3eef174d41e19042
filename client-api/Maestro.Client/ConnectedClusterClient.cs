using Microsoft.Extensions.Configuration;

namespace Maestro.Client;

/// <summary>
/// A cluster client for a program without a .NET host (a console tool, a script):
/// <c>await using var client = await ConnectedClusterClient.ConnectAsync(c => c.UseStaticClustering("127.0.0.1:30000"));</c>.
/// Disposing it stops the gateway list refresh and closes its connections.
/// </summary>
public sealed class ConnectedClusterClient : IClusterClient, IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly IClusterClient client;

    private ConnectedClusterClient(ServiceProvider provider)
    {
        this.provider = provider;
        client = provider.GetRequiredService<IClusterClient>();
    }

    public IServiceProvider ServiceProvider => provider;

    /// <summary>Configures a client and connects it.</summary>
    /// <exception cref="SiloUnavailableException">No configured gateway answered; the message names each one and why.</exception>
    /// <exception cref="OptionsValidationException">The configuration is invalid (no gateway, a bad option).</exception>
    public static async Task<ConnectedClusterClient> ConnectAsync(Action<IClientBuilder> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        services.AddOrleansClient(new ConfigurationBuilder().Build(), configure);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            await provider.GetRequiredService<ClusterClientConnector>().StartAsync(cancellationToken);
            return new ConnectedClusterClient(provider);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey => client.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey => client.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey => client.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey => client.GetGrain<TGrainInterface>(primaryKey, keyExtension, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey => client.GetGrain<TGrainInterface>(primaryKey, keyExtension, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => client.GetGrain<TGrainInterface>(grainId);

    public IGrain GetGrain(Type grainInterfaceType, string key) => client.GetGrain(grainInterfaceType, key);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => client.CreateObjectReference<TGrainObserverInterface>(obj);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => client.DeleteObjectReference<TGrainObserverInterface>(obj);

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
