namespace Maestro.Api.Model;

/// <summary><c>POST /api/healing/sessions</c>: a failure for the healing strategies to classify and heal.</summary>
/// <param name="Suite">Required: the suite the test belongs to.</param>
/// <param name="TestId">Required: the test.</param>
/// <param name="ErrorMessage">Required: the error as the runner reported it.</param>
/// <param name="StackTrace">Optional.</param>
/// <param name="Definition">Optional: the test's YAML definition, for a patch (and for the syntax strategy).</param>
/// <param name="Service">Optional: the registered service the test exercises.</param>
/// <param name="Observed">Optional: what the run observed, e.g. <c>response</c> (a JSON body).</param>
/// <param name="RunId">Optional: the run the failure happened in.</param>
public sealed record AnalyseFailureRequest(
    string? Suite,
    string? TestId,
    string? ErrorMessage,
    string? StackTrace,
    string? Definition,
    string? Service,
    Dictionary<string, string>? Observed,
    string? RunId);
