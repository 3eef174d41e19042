namespace Maestro.Api.Model;

/// <summary>One page of a list: the items from <paramref name="Offset"/>, at most <paramref name="Limit"/>, of <paramref name="Total"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit, int Total)
{
    public static Page<T> Of(IReadOnlyCollection<T> all, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(all);
        return new Page<T>([.. all.Skip(offset).Take(limit)], offset, limit, all.Count);
    }
}
