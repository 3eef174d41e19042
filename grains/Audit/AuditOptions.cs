namespace Maestro.Grains.Audit;

/// <summary>Settings of the audit log (configuration section <c>Maestro:Audit</c> in the silo).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Days of records kept; older days are deleted by the retention sweep and never returned. Default 365.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How often the retention sweep runs on each silo. Default 1 h.</summary>
    public TimeSpan RetentionSweepPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Records a day grain keeps before sealing them into a chunk grain (bounds the state rewritten per append). Default 500.</summary>
    public int ChunkSize { get; set; } = 500;

    /// <summary>
    /// Audit service heartbeats too. Default false: heartbeats are liveness signals sent every 30 s by every service, not
    /// decisions anyone makes, and would outnumber every other record by orders of magnitude.
    /// </summary>
    public bool AuditHeartbeats { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (RetentionDays is < 1 or > 36_500)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RetentionDays)} must be from 1 to 36500; got {RetentionDays}.");
        }

        if (RetentionSweepPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:{nameof(RetentionSweepPeriod)} must be a positive time span; got {RetentionSweepPeriod}.");
        }

        if (ChunkSize is < 1 or > 100_000)
        {
            throw new ArgumentException($"{SectionName}:{nameof(ChunkSize)} must be from 1 to 100000; got {ChunkSize}.");
        }
    }
}
