using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Tests.Wire;

/// <summary>A grain interface with every shape the wire has to carry; the alias makes its wire name stable.</summary>
[Alias("wire-probe")]
public interface IWireProbeGrain : IGrainWithStringKey
{
    Task<int> Add(int a, int b);

    Task<string> Describe(int value);

    Task<string> Describe(string value);

    Task<WireContract> EchoContract(WireContract contract);

    Task<List<List<int?>>> EchoNested(List<List<int?>> lists);

    Task<int?> EchoNullable(int? value, DateTime? when);

    Task<IWireProbeGrain?> EchoReference(IWireProbeGrain? other);

    Task<Shape> EchoShape(Shape shape);

    Task<object?> EchoObject(object? value);

    /// <summary>Returns a collection expression: a compiler-generated type behind the interface.</summary>
    Task<IReadOnlyList<int>> Doubled(IReadOnlyList<int> values);

    /// <summary>Returns a LINQ iterator behind the interface.</summary>
    Task<IEnumerable<string>> Labels(IEnumerable<int> values);

    Task Wait(CancellationToken cancellationToken);

    [OneWay]
    Task Notify(string text);
}
