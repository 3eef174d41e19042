using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Tests.Grains;

/// <summary>A type its author promises never to change, so calls pass it by reference.</summary>
[Immutable]
public sealed class FrozenOrder
{
    public string Id { get; init; } = string.Empty;
}
