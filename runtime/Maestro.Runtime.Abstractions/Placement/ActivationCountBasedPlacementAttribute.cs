namespace Maestro.Runtime.Placement;

/// <summary>Places new activations on the less loaded of two random silos, by activation count.</summary>
public sealed class ActivationCountBasedPlacementAttribute : PlacementAttribute;
