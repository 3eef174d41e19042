namespace Maestro.Runtime.Tests.Storage;

/// <summary>The state the provider conformance tests store: value equality, so a read can be compared with the write.</summary>
public sealed record ConformanceState
{
    public int Number { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset? When { get; set; }
}
