using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Streams;

/// <summary>The grain classes that declared [ImplicitStreamSubscription], by namespace: a stream's key is its consumer's key.</summary>
internal sealed class ImplicitSubscriptions
{
    private readonly Dictionary<string, GrainType[]> byNamespace;

    public ImplicitSubscriptions(GrainManifest manifest) =>
        byNamespace = manifest.Classes
            .SelectMany(c => c.ClassType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>(inherit: true).Select(a => (a.Namespace, c.GrainType)))
            .GroupBy(p => p.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.GrainType).Distinct().OrderBy(t => t.Value, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public IEnumerable<StoredSubscription> For(StreamId stream) =>
        byNamespace.TryGetValue(stream.Namespace, out var types)
            ? types.Select(t => new StoredSubscription(stream, SubscriptionId(t, stream), new GrainId(t, stream.Key)))
            : [];

    /// <summary>Stable across silos and restarts, so dead letters and logs name the same subscription every time.</summary>
    public static Guid SubscriptionId(GrainType grainType, StreamId stream)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"implicit\0{grainType.Value}\0{stream.Namespace}\0{stream.Key}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
