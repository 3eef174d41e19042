using System.Security.Cryptography;
using System.Text;

namespace Maestro.Runtime.Transport;

/// <summary>The cluster secret header and its constant-time check.</summary>
internal sealed class ClusterSecret
{
    public const string HeaderName = "X-Maestro-Cluster-Secret";

    private readonly byte[] expectedHash;

    public ClusterSecret(string secret) => expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>
    /// Compares hashes with <see cref="CryptographicOperations.FixedTimeEquals"/>: equal lengths, so neither the
    /// secret's content nor its length leaks through timing.
    /// </summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expectedHash);
}
