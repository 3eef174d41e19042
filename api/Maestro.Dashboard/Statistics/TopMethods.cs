namespace Maestro.Dashboard.Statistics;

/// <summary>The five methods with the most calls, the highest error share and the highest average latency.</summary>
public sealed record TopMethods(IReadOnlyList<MethodView> ByCalls, IReadOnlyList<MethodView> ByErrors, IReadOnlyList<MethodView> ByLatency);
