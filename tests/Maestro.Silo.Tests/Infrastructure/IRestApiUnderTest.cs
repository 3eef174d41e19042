namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>A running host of the REST API (a silo, or the gateway in front of silos) with a client per role.</summary>
public interface IRestApiUnderTest
{
    HttpClient Admin { get; }

    HttpClient Operator { get; }

    HttpClient Viewer { get; }

    HttpClient Anonymous { get; }

    /// <summary>The id of the key <see cref="Viewer"/> sends.</summary>
    string ViewerKeyId { get; }

    /// <summary>Creates a key with <paramref name="role"/> through the API; returns a client sending it, and its id.</summary>
    Task<(HttpClient Client, string KeyId)> CreateKeyAsync(string role, CancellationToken cancellationToken);
}
