namespace Maestro.GrainInterfaces.Healing;

/// <summary>A person's verdict on a fix.</summary>
/// <param name="Approved">True to approve, false to reject.</param>
/// <param name="Reviewer">Who (the API key's id).</param>
/// <param name="Comment">Why, optionally.</param>
/// <param name="At">When.</param>
public sealed record HealingReview(bool Approved, string Reviewer, string? Comment, DateTimeOffset At);
