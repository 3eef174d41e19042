namespace Maestro.Runtime.Concurrency;

/// <summary>Fire and forget: the caller's task completes once the call is queued; no result and no exception come back.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
