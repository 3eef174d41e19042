namespace Maestro.Runtime.Concurrency;

/// <summary>This interface method does not change state: read-only requests interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
