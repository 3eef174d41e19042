namespace Maestro.GrainInterfaces.Healing;

/// <summary>
/// One failure's healing (key: a session id): the failure, its classification, every candidate with its score and
/// reasons, the policy's decision, the validation run, the outcome and people's reviews. Each change is stored before
/// the call returns.
/// </summary>
public interface IHealingSessionGrain : IGrainWithStringKey
{
    /// <summary>Opens the session with what a healer (locator healing) found; refused when the session exists.</summary>
    Task<HealingSessionSnapshot> StartAsync(HealingSessionStart start);

    /// <summary>Opens the session for a failure the grain classifies and heals itself (every strategy but locators).</summary>
    Task<HealingSessionSnapshot> AnalyseAsync(HealingFailure failure);

    /// <summary>Records the validation run of an applied fix: healed when it passed, rolled back when it failed.</summary>
    Task<HealingSessionSnapshot> RecordValidationAsync(HealValidation validation);

    /// <summary>A person approves or rejects the fix; scoring learns from it.</summary>
    Task<HealingSessionSnapshot> ReviewAsync(HealingReview review);

    /// <summary>The session, or null when it was never opened.</summary>
    Task<HealingSessionSnapshot?> GetAsync();

    /// <summary>The PNG taken before (<c>before</c>) or after (<c>after</c>) the heal, or null.</summary>
    Task<byte[]?> GetScreenshotAsync(string which);
}
