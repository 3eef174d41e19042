using Maestro.Runtime.Messaging;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Tests.Wire;

/// <summary>A deployed silo supplies the real serializer (with grain references) and manifest the codec works against.</summary>
public sealed class WireFixture : IAsyncLifetime
{
    public const int MaxMessageSize = 64 * 1024;

    private readonly InProcessTestCluster cluster = new InProcessTestClusterBuilder().Build();

    internal WireCodec Codec { get; private set; } = null!;

    public IGrainFactory Grains => cluster.Client;

    internal WireCodec CreateCodec(int maxMessageSize) => new(
        cluster.ServiceProvider.GetRequiredService<GrainSerializer>(),
        cluster.ServiceProvider.GetRequiredService<GrainManifest>(),
        Options.Create(new TransportOptions { MaxMessageSize = maxMessageSize }));

    /// <summary>An outgoing message as GrainCallInvoker would build it.</summary>
    internal static Message Call(string method, object?[] arguments, RequestContextData? context = null, Type[]? parameterTypes = null)
    {
        var info = parameterTypes is null ? typeof(IWireProbeGrain).GetMethod(method)! : typeof(IWireProbeGrain).GetMethod(method, parameterTypes)!;
        var descriptor = GrainMethodDescriptor.Create(info);
        return new Message(
            GrainId.Create("wireprobe", "a"),
            GrainId.Create("wireprobe", "caller"),
            descriptor,
            arguments,
            context,
            TimeSpan.FromSeconds(30),
            descriptor.IsOneWay ? null : descriptor.CreateResponse());
    }

    public async ValueTask InitializeAsync()
    {
        await cluster.DeployAsync();
        Codec = CreateCodec(MaxMessageSize);
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
