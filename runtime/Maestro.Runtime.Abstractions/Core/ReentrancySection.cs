namespace Maestro.Runtime;

/// <summary>Returned by <see cref="RequestContext.AllowCallChainReentrancy"/>; disposing it ends the section.</summary>
public readonly struct ReentrancySection : IDisposable, IEquatable<ReentrancySection>
{
    private readonly RequestContextData? previous;
    private readonly Guid enteredId;

    internal ReentrancySection(RequestContextData? previous, Guid enteredId)
    {
        this.previous = previous;
        this.enteredId = enteredId;
    }

    public void Dispose() => RequestContext.Restore(previous, enteredId);

    public bool Equals(ReentrancySection other) => ReferenceEquals(previous, other.previous) && enteredId == other.enteredId;

    public override bool Equals(object? obj) => obj is ReentrancySection other && Equals(other);

    public override int GetHashCode() => enteredId.GetHashCode();

    public static bool operator ==(ReentrancySection left, ReentrancySection right) => left.Equals(right);

    public static bool operator !=(ReentrancySection left, ReentrancySection right) => !left.Equals(right);
}
