namespace Maestro.TestGrains;

/// <summary>The persisted deliveries of <see cref="TestStreamConsumerGrain"/>: "number:eventId" in delivery order, duplicates included.</summary>
public sealed class TestStreamLog
{
    public List<string> Deliveries { get; set; } = [];
}
