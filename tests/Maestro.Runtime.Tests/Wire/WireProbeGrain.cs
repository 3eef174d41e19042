namespace Maestro.Runtime.Tests.Wire;

/// <summary>Puts <see cref="IWireProbeGrain"/> in the grain manifest, which is what the codec resolves calls against.</summary>
public sealed class WireProbeGrain : Grain, IWireProbeGrain
{
    public Task<int> Add(int a, int b) => Task.FromResult(a + b);

    public Task<string> Describe(int value) => Task.FromResult($"int {value}");

    public Task<string> Describe(string value) => Task.FromResult($"string {value}");

    public Task<WireContract> EchoContract(WireContract contract) => Task.FromResult(contract);

    public Task<List<List<int?>>> EchoNested(List<List<int?>> lists) => Task.FromResult(lists);

    public Task<int?> EchoNullable(int? value, DateTime? when) => Task.FromResult(value);

    public Task<IWireProbeGrain?> EchoReference(IWireProbeGrain? other) => Task.FromResult(other);

    public Task<Shape> EchoShape(Shape shape) => Task.FromResult(shape);

    public Task<object?> EchoObject(object? value) => Task.FromResult(value);

    public Task<IReadOnlyList<int>> Doubled(IReadOnlyList<int> values) => Task.FromResult<IReadOnlyList<int>>([.. values.Select(v => v * 2)]);

    public Task<IEnumerable<string>> Labels(IEnumerable<int> values) => Task.FromResult(values.Select(v => $"#{v}"));

    public Task Wait(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public Task Notify(string text) => Task.CompletedTask;
}
