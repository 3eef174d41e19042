using System.Globalization;

namespace Maestro.Runtime.Streams;

/// <summary>
/// Names a stream: a namespace (what kind of events) and a key (whose events), as Orleans' <c>StreamId</c>. With an
/// implicit subscription the key is also the consumer grain's key.
/// </summary>
public readonly record struct StreamId
{
    private StreamId(string @namespace, string key)
    {
        Namespace = @namespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    public static StreamId Create(string ns, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ns);
        ArgumentNullException.ThrowIfNull(key);
        if (ns.Length > 200 || key.Length > 400)
        {
            throw new ArgumentException($"A stream namespace is at most 200 characters and a key at most 400 (got {ns.Length} and {key.Length}).");
        }

        return new StreamId(ns, key);
    }

    public static StreamId Create(string ns, Guid key) => Create(ns, key.ToString("D"));

    public static StreamId Create(string ns, long key) => Create(ns, key.ToString(CultureInfo.InvariantCulture));

    public string GetNamespace() => Namespace;

    public string GetKeyAsString() => Key;

    public override string ToString() => $"{Namespace}/{Key}";
}
