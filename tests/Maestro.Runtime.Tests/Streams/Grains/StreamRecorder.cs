using System.Collections.Concurrent;

namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>Shared by every silo of a test: consumers record each event they handle and each failed attempt.</summary>
public sealed class StreamRecorder
{
    private readonly ConcurrentDictionary<string, int> failures = new();

    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    public void Record(ReceivedEvent received) => Received.Enqueue(received);

    public int Fail(string consumer, int number) => failures.AddOrUpdate($"{consumer}#{number}", 1, (_, n) => n + 1);

    public int Failures(string consumer, int number) => failures.TryGetValue($"{consumer}#{number}", out var n) ? n : 0;

    public List<ReceivedEvent> Of(string consumer) => [.. Received.Where(r => r.Consumer == consumer)];

    /// <summary>The distinct event numbers <paramref name="consumer"/> handled.</summary>
    public HashSet<int> Numbers(string consumer) => [.. Of(consumer).Select(r => r.Number)];
}
