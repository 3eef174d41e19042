namespace Maestro.Grains.Workflows;

/// <summary>
/// Runs a test suite through test-run execution (<c>ITestRunExecutionGrain</c>) and waits for the run. The suite's
/// fields are those of <c>TestSuiteSpec</c>; <see cref="Shards"/> and <see cref="Retries"/> those of the run request.
/// The step fails when the run fails or has failed or errored tests, unless <see cref="AllowFailures"/>.
/// </summary>
public sealed record TestSuiteStepSpec(
    SourceText Name,
    SourceText Adapter,
    IReadOnlyList<SourceText>? Command,
    SourceText? Definition,
    SourceText? WorkingDirectory,
    SourceText? ResultFile,
    SourceText? BaseUrl,
    IReadOnlyDictionary<string, SourceText> Env,
    int? TimeoutSeconds,
    int Shards,
    int Retries,
    SourceText? Branch,
    SourceText? Commit,
    SourceText? Environment,
    bool AllowFailures) : StepSpec
{
    /// <summary>The keys a <c>test-suite</c> mapping may hold.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "name", "adapter", "command", "definition", "workingDirectory", "resultFile", "baseUrl", "env", "timeoutSeconds",
        "shards", "retries", "branch", "commit", "environment", "allowFailures",
    ];

    public override IEnumerable<SourceText> Expressions() =>
        new[] { Name, Adapter, Definition, WorkingDirectory, ResultFile, BaseUrl, Branch, Commit, Environment }.OfType<SourceText>()
            .Concat(Command ?? [])
            .Concat(Env.Values);
}
