namespace Maestro.Runtime;

/// <summary>
/// Ambient key/value pairs that travel with every grain call made from the current logical flow, as in Orleans.
/// Values should be small and immutable (strings, numbers, ids): they are copied into each call.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<RequestContextData?> Current = new();

    public static IEnumerable<string> Keys => Current.Value?.Values.Keys ?? Enumerable.Empty<string>();

    public static IReadOnlyDictionary<string, object?> Entries =>
        Current.Value?.Values ?? (IReadOnlyDictionary<string, object?>)RequestContextData.EmptyValues;

    /// <summary>The call chain this flow belongs to, when call-chain reentrancy is allowed; otherwise <see cref="Guid.Empty"/>.</summary>
    public static Guid ReentrancyId => Current.Value?.ReentrancyId ?? Guid.Empty;

    public static void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var data = Current.Value ?? RequestContextData.Empty;
        Current.Value = data.With(key, value);
    }

    public static object? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Current.Value is { } data && data.Values.TryGetValue(key, out var value) ? value : null;
    }

    public static bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Current.Value is not { } data || !data.Values.ContainsKey(key))
        {
            return false;
        }

        Current.Value = data.Without(key);
        return true;
    }

    public static void Clear() => Current.Value = null;

    /// <summary>
    /// Lets calls made inside the returned scope come back into the current grain while it awaits them (A → B → A),
    /// instead of waiting behind the running request until the call times out.
    /// </summary>
    public static ReentrancySection AllowCallChainReentrancy()
    {
        var previous = Current.Value;
        var id = previous?.ReentrancyId is { } existing && existing != Guid.Empty ? existing : Guid.NewGuid();
        Current.Value = (previous ?? RequestContextData.Empty).WithReentrancy(id);
        RuntimeContext.Current?.GetReentrancyTracker()?.EnterReentrantSection(id);
        return new ReentrancySection(previous, id);
    }

    /// <summary>Stops the current call chain's reentrancy for calls made inside the returned scope.</summary>
    public static ReentrancySection SuppressCallChainReentrancy()
    {
        var previous = Current.Value;
        Current.Value = (previous ?? RequestContextData.Empty).WithReentrancy(Guid.Empty);
        return new ReentrancySection(previous, Guid.Empty);
    }

    internal static RequestContextData? Export() => Current.Value;

    internal static void Import(RequestContextData? data) => Current.Value = data;

    internal static void Restore(RequestContextData? previous, Guid enteredId)
    {
        Current.Value = previous;
        if (enteredId != Guid.Empty)
        {
            RuntimeContext.Current?.GetReentrancyTracker()?.ExitReentrantSection(enteredId);
        }
    }

    private static IReentrancyTracker? GetReentrancyTracker(this IGrainContext context) => context as IReentrancyTracker;
}
