using System.Collections.Frozen;

namespace Maestro.Runtime;

/// <summary>An immutable snapshot of <see cref="RequestContext"/>; calls carry it by reference, so it is never mutated.</summary>
public sealed class RequestContextData
{
    internal static readonly IReadOnlyDictionary<string, object?> EmptyValues = FrozenDictionary<string, object?>.Empty;

    internal static readonly RequestContextData Empty = new(EmptyValues, Guid.Empty);

    public RequestContextData(IReadOnlyDictionary<string, object?> values, Guid reentrancyId)
    {
        Values = values;
        ReentrancyId = reentrancyId;
    }

    public IReadOnlyDictionary<string, object?> Values { get; }

    public Guid ReentrancyId { get; }

    internal RequestContextData With(string key, object? value) =>
        new(new Dictionary<string, object?>(Values, StringComparer.Ordinal) { [key] = value }, ReentrancyId);

    internal RequestContextData Without(string key)
    {
        var copy = new Dictionary<string, object?>(Values, StringComparer.Ordinal);
        copy.Remove(key);
        return new RequestContextData(copy, ReentrancyId);
    }

    internal RequestContextData WithReentrancy(Guid reentrancyId) => new(Values, reentrancyId);
}
