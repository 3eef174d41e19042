using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Analytics;

/// <summary>
/// A triage rule: a failure whose message matches <see cref="MessagePattern"/> and whose stack trace matches
/// <see cref="StackPattern"/> (each optional; regex search, case-sensitive unless the pattern says <c>(?i)</c>) and
/// whose outcome is in <see cref="Outcomes"/> (empty: any failure) belongs to <see cref="Name"/>.
/// </summary>
public sealed class CategoryRule
{
    public string Name { get; set; } = string.Empty;

    public string? MessagePattern { get; set; }

    public string? StackPattern { get; set; }

    public IList<TestOutcome> Outcomes { get; set; } = [];
}
