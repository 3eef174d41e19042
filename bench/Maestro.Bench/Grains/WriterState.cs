namespace Maestro.Bench.Grains;

/// <summary>
/// The state written in the storage figures, and the payload of the raw SQLite baseline (same type, so both write
/// the same JSON size, about 300 bytes: a small but realistic grain state).
/// </summary>
public sealed class WriterState
{
    private const int RecentCount = 8;

    public long Version { get; set; }

    public int LastValue { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string Owner { get; set; } = "bench-writer";

    public string Note { get; set; } = "A fixed note that pads the payload to a realistic size for a small grain state record.";

    public int[] Recent { get; set; } = new int[RecentCount];

    /// <summary>The change each write makes: a new version, the value, a timestamp and a short rolling history.</summary>
    public void Apply(int value, DateTime now)
    {
        Version++;
        LastValue = value;
        UpdatedAt = now;
        if (Recent.Length != RecentCount)
        {
            Recent = new int[RecentCount];
        }

        Array.Copy(Recent, 1, Recent, 0, RecentCount - 1);
        Recent[^1] = value;
    }
}
