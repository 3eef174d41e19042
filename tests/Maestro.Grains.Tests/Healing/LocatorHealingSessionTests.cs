using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.Healing;
using Maestro.Grains.Healing.Locators;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Locator healing sessions on real Chromium: validation by re-run, rollback, the report, reviews that change later scoring.</summary>
public sealed class LocatorHealingSessionTests(HealingBrowserFixture fixture) : IClassFixture<HealingBrowserFixture>
{
    private const string Journey = """
        name: checkout
        steps:
          - goto: /
          - click: id=place-order   # the order button
          - expect-text: Order placed
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_applied_heal_is_validated_by_a_rerun_and_the_session_holds_the_failure_candidates_patch_and_screenshots()
    {
        var (page, context, definitions) = await GreenRunAsync("suite-validated", CheckoutPage.Html("place-order", "Order placed"));
        fixture.Server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));
        await page.Page.ReloadAsync();
        var validator = new PlaywrightStepValidator(fixture.Browser, "Order placed");

        var result = await Healer(validator, definitions).HealAsync(context, page, 0, Ct);

        Assert.Equal("role=button[name=\"Place order\"]", result.Locator);
        Assert.Equal(1, validator.Runs);
        var session = (await Session(result.SessionId!).GetAsync())!;
        Assert.Equal(HealingOutcome.Healed, session.Outcome);
        Assert.Equal(HealingDecision.Apply, session.Decision);
        Assert.Equal((FailureKind.LocatorNotFound, HealingStrategy.Locator), (session.Classification.Kind, session.Classification.Strategy));
        Assert.Equal(("suite-validated", "checkout", 1, "id=place-order", 0), (session.Failure.Suite, session.Failure.TestId, session.Failure.StepIndex, session.Failure.Locator, session.Failure.MatchCount));
        Assert.True(session.Validation!.Passed);
        Assert.Contains("shows 'Order placed'", Assert.Single(session.Validation.Evidence), StringComparison.Ordinal);
        var chosen = session.Candidates[0];
        Assert.Equal(result.Locator, chosen.Locator);
        Assert.Null(chosen.Rejection);
        Assert.Contains(chosen.Terms, t => t.Term == "id" && t.Similarity < 1);
        Assert.Contains(chosen.Terms, t => t.Term == "text" && t.Similarity == 1);
        Assert.Equal("below the minimum score 0.60", session.Candidates.Single(c => c.Description.StartsWith("button#back", StringComparison.Ordinal)).Rejection);
        Assert.Equal("""
            --- a/checkout.yaml
            +++ b/checkout.yaml
            @@ -1,5 +1,5 @@
             name: checkout
             steps:
               - goto: /
            -  - click: id=place-order   # the order button
            +  - click: role=button[name="Place order"]   # the order button
               - expect-text: Order placed

            """.ReplaceLineEndings("\n"), session.Fix!.Patch);
        Assert.True(session.HasScreenshotBefore && session.HasScreenshotAfter);
        foreach (var which in new[] { "before", "after" })
        {
            var png = await Session(result.SessionId!).GetScreenshotAsync(which);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png![..4]);
        }
    }

    [Fact]
    public async Task A_heal_whose_rerun_fails_is_rolled_back_and_the_step_is_not_retried()
    {
        var (page, context, definitions) = await GreenRunAsync("suite-rollback", CheckoutPage.Html("place-order", "Order placed"));
        // The button was renamed and the order flow broke in the same release: healing must not hide the regression.
        fixture.Server.Set("/", CheckoutPage.Html("submit-order", "Payment failed"));
        await page.Page.ReloadAsync();

        var result = await Healer(new PlaywrightStepValidator(fixture.Browser, "Order placed"), definitions).HealAsync(context, page, 0, Ct);

        Assert.Null(result.Locator);
        var session = (await Session(result.SessionId!).GetAsync())!;
        Assert.Equal(HealingOutcome.RolledBack, session.Outcome);
        Assert.False(session.Validation!.Passed);
        Assert.Contains("Payment failed", Assert.Single(session.Validation.Evidence), StringComparison.Ordinal);
        Assert.Contains(session.Notes, n => n.Contains("rolled back", StringComparison.Ordinal));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Session(result.SessionId!).ReviewAsync(new HealingReview(true, "k1", null, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task Without_a_reference_from_a_green_run_nothing_is_healed_and_the_session_says_why()
    {
        var page = await fixture.NewPageAsync();
        fixture.Server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));
        await page.Page.GotoAsync(fixture.Server.BaseUrl + "/");

        var result = await Healer(new LivePageValidator(page), new InMemoryJourneyDefinitions())
            .HealAsync(new JourneyLocatorContext("suite-new", "checkout", 1, "id=place-order"), page, 0, Ct);

        Assert.Null(result.Locator);
        var session = (await Session(result.SessionId!).GetAsync())!;
        Assert.Equal((HealingOutcome.Reported, HealingDecision.ReportOnly), (session.Outcome, session.Decision));
        Assert.Contains("No reference", Assert.Single(session.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locator_that_matches_on_a_second_look_is_kept_without_a_session()
    {
        var (page, context, definitions) = await GreenRunAsync("suite-settled", CheckoutPage.Html("place-order", "Order placed"));

        var result = await Healer(new LivePageValidator(page), definitions).HealAsync(context, page, 0, Ct);

        Assert.Equal(new LocatorHealResult(null, "id=place-order"), result);
    }

    [Fact]
    public async Task A_fix_between_the_proposal_and_review_thresholds_is_only_proposed_and_a_person_approves_it()
    {
        var (page, context, definitions) = await GreenRunAsync("suite-proposed", CheckoutPage.Html("place-order", "Order placed"));
        fixture.Server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));
        await page.Page.ReloadAsync();
        var strict = new HealingOptions { Policy = new ConfidencePolicyOptions { ApplyAt = 0.999, ReviewAt = 0.995, ProposeAt = 0.6 } };
        var validator = new PlaywrightStepValidator(fixture.Browser, "Order placed");

        var result = await Healer(validator, definitions, strict).HealAsync(context, page, 0, Ct);

        Assert.Null(result.Locator);
        Assert.Equal(0, validator.Runs);
        var session = Session(result.SessionId!);
        Assert.Equal((HealingOutcome.Proposed, HealingDecision.ProposeOnly), ((await session.GetAsync())!.Outcome, (await session.GetAsync())!.Decision));
        var reviewed = await session.ReviewAsync(new HealingReview(true, "key-7", "right button", DateTimeOffset.UtcNow));
        Assert.Equal(HealingOutcome.Approved, reviewed.Outcome);
        Assert.Equal("key-7", Assert.Single(reviewed.Reviews).Reviewer);
    }

    [Fact]
    public async Task A_rejected_heal_lowers_later_scores_blocks_its_locator_and_the_learning_survives_a_restart()
    {
        const string suite = "suite-learning";
        var (page, context, definitions) = await GreenRunAsync(suite, CheckoutPage.Html("place-order", "Order placed"));
        fixture.Server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));
        await page.Page.ReloadAsync();
        var healer = Healer(new LivePageValidator(page), definitions);
        var first = await healer.HealAsync(context, page, 0, Ct);
        var firstSession = (await Session(first.SessionId!).GetAsync())!;

        await Session(first.SessionId!).ReviewAsync(new HealingReview(false, "key-3", "wrong: should not click that", DateTimeOffset.UtcNow));
        var trust = await fixture.Cluster.Client.GetGrain<IHealingTrustGrain>(suite).GetTrustAsync();
        var second = await healer.HealAsync(context, page, 0, Ct);
        var secondSession = (await Session(second.SessionId!).GetAsync())!;

        Assert.True(trust["text"] < 1 && trust["tag"] < 1, string.Join(", ", trust));
        Assert.Equal(1.0 - fixture.Options.LearningRate * firstSession.Candidates[0].Terms.Single(t => t.Term == "text").Similarity, trust["text"], 6);
        Assert.True(secondSession.Candidates[0].Score < firstSession.Candidates[0].Score,
            $"after the rejection: {secondSession.Candidates[0].Score}, before: {firstSession.Candidates[0].Score}");
        Assert.NotEqual(first.Locator, second.Locator);
        Assert.Contains(secondSession.Notes, n => n.Contains($"'{first.Locator}' skipped: a person rejected it", StringComparison.Ordinal));

        await fixture.Cluster.RestartSiloAsync();
        Assert.Equal(trust, await fixture.Cluster.Client.GetGrain<IHealingTrustGrain>(suite).GetTrustAsync());
    }

    private LocatorHealer Healer(IHealValidator validator, IJourneyDefinitionSource definitions, HealingOptions? options = null) =>
        new(fixture.Cluster.Client, validator, definitions, Microsoft.Extensions.Options.Options.Create(options ?? fixture.Options), TimeProvider.System);

    private IHealingSessionGrain Session(string id) => fixture.Cluster.Client.GetGrain<IHealingSessionGrain>(id);

    /// <summary>Loads <paramref name="html"/> and reports the step's locator as resolved, as a green run does.</summary>
    private async Task<(HealingTestPage Page, JourneyLocatorContext Context, InMemoryJourneyDefinitions Definitions)> GreenRunAsync(string suite, string html)
    {
        var page = await fixture.NewPageAsync();
        fixture.Server.Set("/", html);
        await page.Page.GotoAsync(fixture.Server.BaseUrl + "/");
        var context = new JourneyLocatorContext(suite, "checkout", 1, "id=place-order");
        var definitions = new InMemoryJourneyDefinitions();
        definitions.Set(suite, "checkout", Journey);
        Assert.Equal(1, await page.CountAsync(context.Locator, Ct));
        await Healer(new LivePageValidator(page), definitions).OnResolvedAsync(context, page, Ct);
        return (page, context, definitions);
    }
}
