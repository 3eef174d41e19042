using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.Healing;
using Maestro.GrainInterfaces.Registry;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Healing.Strategies;

namespace Maestro.Grains.Healing;

/// <summary>
/// One failure's healing (key: the session id). Locator healing opens it with what it found on the page
/// (<see cref="StartAsync"/>); other failures are classified and healed here (<see cref="AnalyseAsync"/>) with the
/// evidence the analytics and the registry hold. Applied fixes wait for their validation run; people review fixes,
/// and their verdicts feed back into locator scoring.
/// </summary>
public sealed class HealingSessionGrain(
    [PersistentState("healing-session")] IPersistentState<HealingSessionState> state,
    IOptions<HealingOptions> options,
    TimeProvider time) : Grain, IHealingSessionGrain
{
    private readonly HealingOptions settings = options.Value;

    public async Task<HealingSessionSnapshot> StartAsync(HealingSessionStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        EnsureNew();
        var outcome = start.Fix is null ? HealingOutcome.Reported : Initial(start.Decision);
        state.State.Session = new HealingSessionSnapshot(
            this.GetPrimaryKeyString(), time.GetUtcNow(), start.Failure, start.Classification, start.Candidates, start.Fix, start.Decision,
            null, outcome, [], start.ScreenshotBefore is not null, start.ScreenshotAfter is not null, start.Notes);
        state.State.ScreenshotBefore = start.ScreenshotBefore;
        state.State.ScreenshotAfter = start.ScreenshotAfter;
        return await SaveAsync();
    }

    public async Task<HealingSessionSnapshot> AnalyseAsync(HealingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        EnsureNew();
        FailureClassification classification;
        StrategyResult result;
        try
        {
            (classification, result) = await ClassifyAndHealAsync(failure);
        }
        catch (RegexMatchTimeoutException ex)
        {
            // Error texts come from outside; one that takes too long to read is reported as unread, not retried.
            classification = new FailureClassification(FailureKind.Unknown, null, "the error text took too long to read");
            result = StrategyResult.None($"Reading the error text timed out after {ex.MatchTimeout.TotalMilliseconds:0} ms: nothing was matched.");
        }

        var decision = result.Fix is { } fix ? ConfidencePolicy.Decide(fix.Confidence, settings.Policy) : HealingDecision.ReportOnly;
        return await StartAsync(new HealingSessionStart(failure, classification, result.Candidates, result.Fix, decision, null, null, result.Notes));
    }

    public async Task<HealingSessionSnapshot> RecordValidationAsync(HealValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var session = Require();
        if (session.Outcome != HealingOutcome.Validating)
        {
            throw new InvalidOperationException($"Session {session.SessionId} is {session.Outcome}: only an applied fix waiting for validation takes a validation run.");
        }

        var outcome = !validation.Passed ? HealingOutcome.RolledBack
            : session.Decision == HealingDecision.ApplyAndReview ? HealingOutcome.AwaitingReview
            : HealingOutcome.Healed;
        var notes = validation.Passed ? session.Notes : [.. session.Notes, "Validation failed: the fix was rolled back and the definition is unchanged."];
        state.State.Session = session with { Validation = validation, Outcome = outcome, Notes = notes };
        return await SaveAsync();
    }

    public async Task<HealingSessionSnapshot> ReviewAsync(HealingReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var session = Require();
        if (session.Fix is null || session.Outcome is HealingOutcome.Validating or HealingOutcome.RolledBack or HealingOutcome.Approved or HealingOutcome.Rejected)
        {
            throw new InvalidOperationException($"Session {session.SessionId} is {session.Outcome}{(session.Fix is null ? " without a fix" : string.Empty)}: there is nothing to review.");
        }

        state.State.Session = session with
        {
            Outcome = review.Approved ? HealingOutcome.Approved : HealingOutcome.Rejected,
            Reviews = [.. session.Reviews, review],
        };
        await SaveAsync();
        if (session.Fix.Strategy == HealingStrategy.Locator && session.Candidates.FirstOrDefault(c => c.Locator == session.Fix.Replacement) is { } chosen)
        {
            await GrainFactory.GetGrain<IHealingTrustGrain>(session.Failure.Suite).LearnAsync(chosen.Terms, review.Approved);
            if (!review.Approved && session.Failure is { Locator: { } locator, StepIndex: { } step })
            {
                await GrainFactory.GetGrain<ILocatorReferenceGrain>(LocatorReferenceKey.For(session.Failure.Suite, session.Failure.TestId, step, locator))
                    .BlockAsync(session.Fix.Replacement!);
            }
        }

        return state.State.Session;
    }

    public Task<HealingSessionSnapshot?> GetAsync() => Task.FromResult(state.State.Session);

    public Task<byte[]?> GetScreenshotAsync(string which) => Task.FromResult(which switch
    {
        "before" => state.State.ScreenshotBefore,
        "after" => state.State.ScreenshotAfter,
        _ => throw new ArgumentException($"Screenshot '{which}' does not exist: use 'before' or 'after'.", nameof(which)),
    });

    /// <summary>The failure's kind and what its strategy found, with the evidence the analytics and the registry hold.</summary>
    private async Task<(FailureClassification, StrategyResult)> ClassifyAndHealAsync(HealingFailure failure)
    {
        var classification = FailureClassifier.Classify(failure);
        // Flakiness comes from history, and it wins over what the text says, except for failures no retry can fix.
        if (classification.Kind is not (FailureKind.DefinitionSyntax or FailureKind.MissingDependency))
        {
            var verdict = await History(failure).GetFlakiness(null);
            if (verdict.Classification == FlakyClassification.Flaky)
            {
                classification = new FailureClassification(FailureKind.Flaky, HealingStrategy.FlakyStabilisation,
                    $"the analytics call the test flaky ({string.Join("; ", verdict.Reasons)}); the message read as {classification.Kind}");
            }
        }

        var result = classification.Strategy switch
        {
            HealingStrategy.Timing => TimingHealer.Heal(failure, (await History(failure).GetReport(null)).Durations, settings.Strategies),
            HealingStrategy.AssertionUpdate => AssertionUpdateHealer.Heal(failure, await EarlierRunsAsync(failure), settings.Strategies),
            HealingStrategy.FlakyStabilisation => FlakyStabiliser.Heal(failure, await History(failure).GetFlakiness(null), settings.Strategies),
            HealingStrategy.Environment => EnvironmentHealer.Heal(failure, failure.Service is { } service ? await GrainFactory.GetGrain<IServiceGrain>(service).GetAsync() : null, time.GetUtcNow(), settings.Strategies),
            HealingStrategy.Dependency => DependencyHealer.Heal(failure),
            HealingStrategy.ApiContract => ApiContractHealer.Heal(failure, settings.Strategies),
            HealingStrategy.DefinitionSyntax => DefinitionSyntaxHealer.Heal(failure),
            HealingStrategy.Locator => StrategyResult.None("Locator failures are healed on the live page, during the run."),
            _ => StrategyResult.None("No strategy answers this kind of failure: reported for a person."),
        };
        return (classification, result);
    }

    /// <summary>Stores the session, then brings its line in the suite's list up to date.</summary>
    private async Task<HealingSessionSnapshot> SaveAsync()
    {
        await state.WriteStateAsync();
        var session = state.State.Session!;
        await GrainFactory.GetGrain<IHealingSessionIndexGrain>(session.Failure.Suite).UpsertAsync(new HealingSessionSummary(
            session.SessionId, session.CreatedAt, session.Failure.TestId, session.Classification.Kind, session.Classification.Strategy,
            session.Fix?.Confidence, session.Decision, session.Outcome));
        return session;
    }

    private static HealingOutcome Initial(HealingDecision decision) => decision switch
    {
        HealingDecision.Apply or HealingDecision.ApplyAndReview => HealingOutcome.Validating,
        HealingDecision.ProposeOnly => HealingOutcome.Proposed,
        _ => HealingOutcome.Reported,
    };

    private ITestHistoryGrain History(HealingFailure failure) => GrainFactory.GetGrain<ITestHistoryGrain>(TestHistoryKey.For(failure.Suite, failure.TestId));

    /// <summary>The test's earlier runs, newest first: each one's last failure message, or null when it passed.</summary>
    private async Task<IReadOnlyList<string?>> EarlierRunsAsync(HealingFailure failure)
    {
        var report = await History(failure).GetReport(null);
        var messages = new List<string?>();
        foreach (var entry in report.Entries.Where(e => e.RunId != failure.RunId).Take(settings.Strategies.AssertionConsecutiveRuns * 2))
        {
            if (entry.Status is TestStatus.Passed or TestStatus.Skipped)
            {
                messages.Add(null);
                continue;
            }

            var run = await GrainFactory.GetGrain<ITestRunGrain>(entry.RunId).GetReport();
            var test = run?.Tests.FirstOrDefault(t => t.TestId == failure.TestId);
            messages.Add(test?.Attempts.LastOrDefault(a => a.Outcome != TestOutcome.Passed) is { } attempt ? $"{attempt.Message}\n{attempt.StackTrace}" : null);
        }

        return messages;
    }

    private void EnsureNew()
    {
        if (state.State.Session is not null)
        {
            throw new InvalidOperationException($"Session {this.GetPrimaryKeyString()} already exists.");
        }
    }

    private HealingSessionSnapshot Require() =>
        state.State.Session ?? throw new KeyNotFoundException($"Healing session {this.GetPrimaryKeyString()} does not exist.");
}
