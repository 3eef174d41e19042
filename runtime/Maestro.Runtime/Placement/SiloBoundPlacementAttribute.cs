namespace Maestro.Runtime.Placement;

/// <summary>
/// Places a grain on the silo whose address (<c>host:port:generation</c>) is the grain's string key: a grain per silo,
/// such as the statistics grain. A key naming no Active silo fails the call with <see cref="SiloUnavailableException"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class SiloBoundPlacementAttribute : PlacementAttribute;
