namespace Maestro.GrainInterfaces.Healing;

/// <summary>A failure to heal, with its context.</summary>
/// <param name="Suite">The suite the test belongs to.</param>
/// <param name="TestId">The test (for a journey: the journey's name).</param>
/// <param name="ErrorMessage">The error as the runner reported it.</param>
/// <param name="StackTrace">The stack trace, when there is one.</param>
/// <param name="StepIndex">The journey step that failed, from 0.</param>
/// <param name="Locator">The step's locator, when a locator failed.</param>
/// <param name="MatchCount">How many elements the locator matched (0, or 2 and more).</param>
/// <param name="Url">The page the step ran on.</param>
/// <param name="Definition">The test's definition (journey YAML, or the request/response a contract check read), for the patch.</param>
/// <param name="Service">The registered service the test exercises, when known.</param>
/// <param name="Observed">What the run observed, by name (<c>response</c>: the JSON body an API test read...).</param>
/// <param name="RunId">The test run the failure happened in, when it was imported (its history then skips it as "earlier").</param>
public sealed record HealingFailure(
    string Suite,
    string TestId,
    string ErrorMessage,
    string? StackTrace = null,
    int? StepIndex = null,
    string? Locator = null,
    int? MatchCount = null,
    string? Url = null,
    string? Definition = null,
    string? Service = null,
    IReadOnlyDictionary<string, string>? Observed = null,
    string? RunId = null);
