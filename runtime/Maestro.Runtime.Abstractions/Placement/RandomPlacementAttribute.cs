namespace Maestro.Runtime.Placement;

/// <summary>Places new activations on a random compatible silo (the default).</summary>
public sealed class RandomPlacementAttribute : PlacementAttribute;
