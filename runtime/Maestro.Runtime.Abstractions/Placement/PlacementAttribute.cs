namespace Maestro.Runtime.Placement;

/// <summary>Chooses the silo for a new activation of a grain class. With one silo every strategy places locally.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute : Attribute;
