namespace Maestro.Runtime.Concurrency;

/// <summary>Requests to this grain class interleave at await points (still one thread at a time).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReentrantAttribute : Attribute;
