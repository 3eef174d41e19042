namespace Maestro.Runtime.Placement;

/// <summary>Places new activations on the calling silo when it can host the grain.</summary>
public sealed class PreferLocalPlacementAttribute : PlacementAttribute;
