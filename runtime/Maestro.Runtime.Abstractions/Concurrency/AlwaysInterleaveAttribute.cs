namespace Maestro.Runtime.Concurrency;

/// <summary>This interface method interleaves with any other request.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
