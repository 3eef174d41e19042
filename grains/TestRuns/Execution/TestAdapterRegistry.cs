namespace Maestro.Grains.TestRuns.Execution;

/// <summary>The adapters registered in this silo (every <see cref="ITestAdapter"/> service), by name.</summary>
public sealed class TestAdapterRegistry
{
    private readonly Dictionary<string, ITestAdapter> adapters;

    public TestAdapterRegistry(IEnumerable<ITestAdapter> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        this.adapters = new Dictionary<string, ITestAdapter>(StringComparer.Ordinal);
        foreach (var adapter in adapters)
        {
            if (!this.adapters.TryAdd(adapter.Name, adapter))
            {
                throw new InvalidOperationException($"two test adapters are registered as '{adapter.Name}' ({this.adapters[adapter.Name].GetType().Name} and {adapter.GetType().Name})");
            }
        }
    }

    /// <summary>Every registered name, in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. adapters.Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="ArgumentException">No adapter has that name; the message lists the known ones.</exception>
    public ITestAdapter Get(string name) =>
        adapters.TryGetValue(name ?? string.Empty, out var adapter)
            ? adapter
            : throw new ArgumentException($"adapter '{name}' is not registered in this silo; known adapters: {string.Join(", ", Names)}", "adapter");

    public bool Contains(string name) => adapters.ContainsKey(name ?? string.Empty);
}
