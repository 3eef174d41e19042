namespace Maestro.Runtime.Concurrency;

/// <summary>Wraps a value as <see cref="Immutable{T}"/>.</summary>
public static class ImmutableExtensions
{
    public static Immutable<T> AsImmutable<T>(this T value) => new(value);
}
