namespace Maestro.Runtime.Streams;

/// <summary><c>GetStreamProvider(name)</c> for grains and clients, as in Orleans.</summary>
public static class StreamProviderExtensions
{
    public static IStreamProvider GetStreamProvider(this IGrainBase grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return Runtime(grain.GrainContext.ActivationServices).GetStreamProvider(name);
    }

    public static IStreamProvider GetStreamProvider(this IClusterClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Runtime(client.ServiceProvider).GetStreamProvider(name);
    }

    internal static IStreamRuntime Runtime(IServiceProvider services) =>
        (IStreamRuntime?)services.GetService(typeof(IStreamRuntime))
        ?? throw new InvalidOperationException("No stream provider is configured on this silo: call AddSqliteStreams or AddPostgreSqlStreams.");
}
