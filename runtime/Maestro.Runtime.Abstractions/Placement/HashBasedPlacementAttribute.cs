namespace Maestro.Runtime.Placement;

/// <summary>Places new activations on the silo chosen by a stable hash of the grain id.</summary>
public sealed class HashBasedPlacementAttribute : PlacementAttribute;
