namespace Maestro.Grains.Healing;

/// <summary>
/// Where the confidence policy draws its lines (section <c>Maestro:Healing:Policy</c>): at or above
/// <see cref="ApplyAt"/> a fix is applied; from <see cref="ReviewAt"/> it is applied and a person is asked to review it;
/// from <see cref="ProposeAt"/> it is only proposed; below, only reported.
/// </summary>
public sealed class ConfidencePolicyOptions
{
    /// <summary>Default 0.90.</summary>
    public double ApplyAt { get; set; } = 0.90;

    /// <summary>Default 0.75.</summary>
    public double ReviewAt { get; set; } = 0.75;

    /// <summary>Default 0.60.</summary>
    public double ProposeAt { get; set; } = 0.60;

    /// <exception cref="ArgumentException">The thresholds are not 0 ≤ ProposeAt ≤ ReviewAt ≤ ApplyAt ≤ 1.</exception>
    public void Validate()
    {
        if (!(ProposeAt >= 0 && ProposeAt <= ReviewAt && ReviewAt <= ApplyAt && ApplyAt <= 1))
        {
            throw new ArgumentException($"Healing:Policy: the thresholds must satisfy 0 <= ProposeAt ({ProposeAt}) <= ReviewAt ({ReviewAt}) <= ApplyAt ({ApplyAt}) <= 1.");
        }
    }
}
