using Maestro.Runtime.Messaging.Wire;

namespace Maestro.Runtime.Transport;

/// <summary>Receives the calls that reach a silo's endpoint (after the secret and size checks).</summary>
internal interface IWireRequestHandler
{
    /// <summary>
    /// Runs one call. <paramref name="cancellationToken"/> is cancelled when the caller aborts the HTTP/2 stream (or
    /// the server stops); for one-way calls nobody reads the response.
    /// </summary>
    Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken);
}
