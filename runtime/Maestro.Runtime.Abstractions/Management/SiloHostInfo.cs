namespace Maestro.Runtime;

/// <summary>One silo as <see cref="IManagementGrain.GetDetailedHosts"/> reports it.</summary>
/// <param name="Address">The silo's address, <c>host:port:generation</c>; a silo running alone reports <c>local</c>.</param>
/// <param name="Name">Its configured name.</param>
/// <param name="Status">Its membership status, as Orleans' <c>SiloStatus</c> names it.</param>
/// <param name="Gateway">The address clients use, such as <c>http://127.0.0.1:30000/</c>; null when it is no gateway.</param>
/// <param name="ActivationCount">Its activations: live for the answering silo, from the last heartbeat for the others.</param>
/// <param name="StartTime">When it joined (or started, running alone).</param>
public sealed record SiloHostInfo(string Address, string Name, string Status, string? Gateway, int ActivationCount, DateTimeOffset StartTime);
