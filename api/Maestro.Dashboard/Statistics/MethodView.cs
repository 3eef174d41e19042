namespace Maestro.Dashboard.Statistics;

/// <summary>One grain method over the whole cluster since statistics were switched on.</summary>
public sealed record MethodView(string GrainType, string Method, long Calls, long Errors, double ErrorPercent, double AverageMilliseconds);
