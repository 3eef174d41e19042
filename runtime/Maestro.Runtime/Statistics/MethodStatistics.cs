namespace Maestro.Runtime.Statistics;

/// <summary>One method of one grain class on one silo, counted since statistics were last switched on.</summary>
/// <param name="GrainType">The grain class's grain type.</param>
/// <param name="Method">The interface method, as <c>IInterface.Method</c>.</param>
/// <param name="Calls">Calls that finished.</param>
/// <param name="Errors">Calls that threw.</param>
/// <param name="TotalMilliseconds">Their summed duration.</param>
public sealed record MethodStatistics(string GrainType, string Method, long Calls, long Errors, double TotalMilliseconds);
