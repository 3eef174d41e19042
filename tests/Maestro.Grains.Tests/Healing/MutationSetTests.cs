using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Tests.Healing;

/// <summary>The repository's mutation set on real Chromium: each changed page heals to the right element or is refused.</summary>
public sealed class MutationSetTests(HealingBrowserFixture fixture) : IClassFixture<HealingBrowserFixture>
{
    public static TheoryData<string> Cases() => new(MutationSet.Load().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_changed_page_heals_to_the_right_element_or_is_refused(string name)
    {
        var mutation = MutationSet.Load().Single(c => c.Name == name);
        var page = await fixture.NewPageAsync();
        var runner = new MutationCaseRunner(fixture.Cluster.Client, fixture.Server, page, fixture.Options);

        var result = await runner.RunAsync(mutation, TestContext.Current.CancellationToken);

        var session = await fixture.Cluster.Client.GetGrain<IHealingSessionGrain>(result.SessionId!).GetAsync();
        Assert.True(result.Correct, $"{mutation.Name} ({mutation.Change}): expected {mutation.Expected}, healed to '{result.HealedLocator}' (right element: {result.RightElement}).\n"
            + string.Join("\n", session!.Notes) + "\n" + string.Join("\n", session.Candidates.Select(c => $"{c.Score:0.000} {c.Description} {c.Rejection}")));
        if (mutation.ExpectsHeal)
        {
            Assert.Contains(session.Outcome, new[] { HealingOutcome.Healed, HealingOutcome.AwaitingReview });
            Assert.Equal(session.Decision == HealingDecision.Apply ? HealingOutcome.Healed : HealingOutcome.AwaitingReview, session.Outcome);
            Assert.Equal(result.HealedLocator, session.Fix!.Replacement);
            Assert.Contains($"+  - click: \"{result.HealedLocator!.Replace("\"", "\\\"", StringComparison.Ordinal)}\"", session.Fix.Patch, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HealingOutcome.Reported, session.Outcome);
            Assert.Null(session.Fix);
        }
    }
}
