namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Weights and limits of locator healing's candidate scoring (section <c>Maestro:Healing:Scoring</c>). A candidate's score
/// is Σ weight·similarity ÷ Σ weight over the terms the reference has a value for, so an element without an id is
/// not capped below 1 (Healenium caps it at 0.857). Learned trust multiplies each weight.
/// </summary>
public sealed class LocatorScoringOptions
{
    /// <summary>Tag LCS over the ancestor paths (default 1.0).</summary>
    public double PathWeight { get; set; } = 1.0;

    /// <summary>Same tag (default 1.0).</summary>
    public double TagWeight { get; set; } = 1.0;

    /// <summary>data-testid, edit similarity (default 1.5: test ids are written to be stable).</summary>
    public double TestIdWeight { get; set; } = 1.5;

    /// <summary>id, edit similarity (default 1.0).</summary>
    public double IdWeight { get; set; } = 1.0;

    /// <summary>name attribute, edit similarity (default 1.0).</summary>
    public double NameWeight { get; set; } = 1.0;

    /// <summary>Role, equal or not (default 0.75).</summary>
    public double RoleWeight { get; set; } = 0.75;

    /// <summary>Accessible name (label, aria-label, alt, title), edit similarity (default 1.25).</summary>
    public double LabelWeight { get; set; } = 1.25;

    /// <summary>Own text, edit similarity (default 1.0).</summary>
    public double TextWeight { get; set; } = 1.0;

    /// <summary>Class list, Jaccard (default 0.5: classes change with styling).</summary>
    public double ClassesWeight { get; set; } = 0.5;

    /// <summary>Every other attribute, mean edit similarity over the union of names (default 0.75).</summary>
    public double AttributesWeight { get; set; } = 0.75;

    /// <summary>The least score a candidate must reach to be chosen (default 0.60, Healenium's score cap).</summary>
    public double MinimumScore { get; set; } = 0.60;

    /// <summary>How far the best candidate must lead the runner-up (default 0.08); closer than that is ambiguous and refused.</summary>
    public double MinimumMargin { get; set; } = 0.08;

    /// <summary>Candidates kept in a session, best first (default 10).</summary>
    public int CandidatesKept { get; set; } = 10;

    /// <exception cref="ArgumentException">A weight is negative, a limit lies outside [0, 1], or nothing is kept.</exception>
    public void Validate()
    {
        double[] weights = [PathWeight, TagWeight, TestIdWeight, IdWeight, NameWeight, RoleWeight, LabelWeight, TextWeight, ClassesWeight, AttributesWeight];
        if (weights.Any(w => w < 0 || double.IsNaN(w)))
        {
            throw new ArgumentException("Healing:Scoring: every weight must be 0 or more.");
        }

        if (MinimumScore is < 0 or > 1 || MinimumMargin is < 0 or > 1)
        {
            throw new ArgumentException($"Healing:Scoring: MinimumScore ({MinimumScore}) and MinimumMargin ({MinimumMargin}) must lie between 0 and 1.");
        }

        if (CandidatesKept < 1)
        {
            throw new ArgumentException($"Healing:Scoring:CandidatesKept must be at least 1; got {CandidatesKept}.");
        }
    }
}
