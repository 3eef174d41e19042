namespace Maestro.Dashboard.Statistics;

/// <summary>One grain type over the whole cluster: activations now, and its methods' calls.</summary>
public sealed record GrainTypeView(string GrainType, int Activations, long Calls, long Errors, double AverageMilliseconds, IReadOnlyList<MethodView> Methods);
