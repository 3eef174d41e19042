using System.Diagnostics;
using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Locator healing on the live page. Keeps each locator's element from green runs as its reference; when a locator
/// matches nothing or several elements, it scores the page's elements (frames and open shadow roots included) against
/// the reference, picks one under the selector's rules, writes the most stable locator that matches exactly that
/// element, decides by the confidence policy, validates an applied heal by a re-run, and records it all in a session.
/// </summary>
public sealed class LocatorHealer(IGrainFactory grains, IHealValidator validator, IJourneyDefinitionSource definitions, IOptions<HealingOptions> options, TimeProvider time)
    : ILocatorObserver
{
    private const string Highlight = "(e) => { e.__maestroOutline = e.style.outline; e.style.outline = '3px solid #e00'; return true; }";
    private const string Unhighlight = "(e) => { e.style.outline = e.__maestroOutline || ''; delete e.__maestroOutline; return true; }";

    private readonly HealingOptions settings = options.Value;

    public async Task OnResolvedAsync(JourneyLocatorContext context, IJourneyPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        var element = ElementCaptureScript.ReadElement(await page.EvaluateOnElementJsonAsync(context.Locator, ElementCaptureScript.DescribeElement, cancellationToken))
            ?? throw new InvalidOperationException($"The capture script described nothing for '{context.Locator}'.");
        await Reference(context).SaveAsync(new LocatorReference(element, page.Url, time.GetUtcNow()));
    }

    public async Task<string?> OnUnresolvedAsync(JourneyLocatorContext context, IJourneyPage page, int matchCount, CancellationToken cancellationToken) =>
        (await HealAsync(context, page, matchCount, cancellationToken)).Locator;

    /// <summary>Heals and answers with the session as well as the locator.</summary>
    public async Task<LocatorHealResult> HealAsync(JourneyLocatorContext context, IJourneyPage page, int matchCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        // A page still settling can match on a second look (Healenium healed while pages loaded, healenium-web#214).
        if (await page.CountAsync(context.Locator, cancellationToken) == 1)
        {
            return new LocatorHealResult(null, context.Locator);
        }

        var sessionId = Guid.NewGuid().ToString("N");
        var session = grains.GetGrain<IHealingSessionGrain>(sessionId);
        var failure = new HealingFailure(
            context.Suite,
            context.Journey,
            $"Locator '{context.Locator}' matched {matchCount} elements in step {context.StepIndex}.",
            StepIndex: context.StepIndex,
            Locator: context.Locator,
            MatchCount: matchCount,
            Url: page.Url);
        var classification = new FailureClassification(
            matchCount == 0 ? FailureKind.LocatorNotFound : FailureKind.LocatorAmbiguous,
            HealingStrategy.Locator,
            matchCount == 0 ? "the locator matched no element" : $"the locator matched {matchCount} elements where the step needs one");
        var before = await page.ScreenshotAsync(cancellationToken);
        var reference = await Reference(context).GetAsync();
        if (reference is null)
        {
            await session.StartAsync(new HealingSessionStart(failure, classification, [], null, HealingDecision.ReportOnly, before, null,
                ["No reference: this locator has not resolved in a green run since healing was on, so there is nothing to compare the page with."]));
            return new LocatorHealResult(sessionId, null);
        }

        var trust = await grains.GetGrain<IHealingTrustGrain>(context.Suite).GetTrustAsync();
        var candidates = ElementCaptureScript.ReadSnapshot(await page.EvaluateJsonAsync(ElementCaptureScript.SnapshotPage, cancellationToken));
        var ranked = new CandidateScorer(settings.Scoring, trust).Rank(reference.Element, candidates);
        var selection = CandidateSelector.Select(ranked, settings.Scoring);
        var notes = new List<string> { selection.Reason };
        var kept = selection.Candidates.ToList();
        if (selection.Winner is not { } winner)
        {
            await session.StartAsync(new HealingSessionStart(failure, classification, kept, null, HealingDecision.ReportOnly, before, null, notes));
            return new LocatorHealResult(sessionId, null);
        }

        var blocked = await Reference(context).GetBlockedAsync();
        var (locator, tried) = await FindLocatorAsync(page, winner.Element, blocked, cancellationToken);
        notes.AddRange(tried);
        if (locator is null)
        {
            notes.Add("No generated locator matched exactly the chosen element.");
            await session.StartAsync(new HealingSessionStart(failure, classification, kept, null, HealingDecision.ReportOnly, before, null, notes));
            return new LocatorHealResult(sessionId, null);
        }

        var winnerIndex = kept.FindIndex(c => c.Rejection is null);
        kept[winnerIndex] = kept[winnerIndex] with { Locator = locator };
        var definition = await definitions.GetDefinitionAsync(context.Suite, context.Journey, cancellationToken);
        string? patched = null, diff = null;
        if (definition is not null)
        {
            (patched, diff, var problem) = YamlLocatorPatch.Replace(definition, context.Journey, context.StepIndex, context.Locator, locator);
            if (problem is not null)
            {
                notes.Add($"No patch: {problem}.");
            }
        }

        var fix = new HealingFix(
            HealingStrategy.Locator,
            $"Replace '{context.Locator}' with '{locator}' in step {context.StepIndex}",
            winner.Score,
            [selection.Reason, $"'{locator}' matches exactly the chosen element on {page.Url}.", .. winner.Terms.Select(t => $"{t.Term}: {t.Similarity:0.00} × {t.Weight:0.00} ({t.Detail})")],
            locator,
            diff);
        var decision = ConfidencePolicy.Decide(fix.Confidence, settings.Policy);
        var after = await ScreenshotWithOutlineAsync(page, locator, cancellationToken);
        await session.StartAsync(new HealingSessionStart(failure, classification, kept, fix, decision, before, after, notes));
        if (!ConfidencePolicy.Applies(decision))
        {
            return new LocatorHealResult(sessionId, null);
        }

        var validation = await ValidateAsync(new HealValidationRequest(sessionId, context, locator, patched, page.Url), cancellationToken);
        var recorded = await session.RecordValidationAsync(validation);
        return new LocatorHealResult(sessionId, recorded.Outcome is HealingOutcome.Healed or HealingOutcome.AwaitingReview ? locator : null);
    }

    /// <summary>The first generated locator that matches exactly <paramref name="element"/>, and a line per one passed over.</summary>
    private static async Task<(string? Locator, List<string> Tried)> FindLocatorAsync(IJourneyPage page, ElementDescriptor element, IReadOnlyList<string> blocked, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        var full = ElementCaptureScript.ReadElement(await page.EvaluateJsonAsync(ElementCaptureScript.DescribeAtPath(element.Path), cancellationToken)) ?? element;
        foreach (var candidate in LocatorGenerator.Generate(full))
        {
            if (blocked.Contains(candidate, StringComparer.Ordinal))
            {
                tried.Add($"'{candidate}' skipped: a person rejected it for this locator.");
                continue;
            }

            var count = await page.CountAsync(candidate, cancellationToken);
            if (count != 1)
            {
                tried.Add($"'{candidate}' skipped: it matches {count} elements.");
                continue;
            }

            var found = ElementCaptureScript.ReadElement(await page.EvaluateOnElementJsonAsync(candidate, ElementCaptureScript.DescribeElement, cancellationToken));
            if (found?.PathKey() == full.PathKey())
            {
                return (candidate, tried);
            }

            tried.Add($"'{candidate}' skipped: it matches another element ({found?.Summary()}).");
        }

        return (null, tried);
    }

    private async Task<HealValidation> ValidateAsync(HealValidationRequest request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await validator.ValidateAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A validation run that breaks is a validation that failed: the heal is rolled back, and the reason kept.
            return new HealValidation(false, [$"The validation run failed to complete: {ex.GetType().Name}: {ex.Message}"], watch.Elapsed.TotalMilliseconds);
        }
    }

    private static async Task<byte[]> ScreenshotWithOutlineAsync(IJourneyPage page, string locator, CancellationToken cancellationToken)
    {
        await page.EvaluateOnElementJsonAsync(locator, Highlight, cancellationToken);
        try
        {
            return await page.ScreenshotAsync(cancellationToken);
        }
        finally
        {
            await page.EvaluateOnElementJsonAsync(locator, Unhighlight, cancellationToken);
        }
    }

    private ILocatorReferenceGrain Reference(JourneyLocatorContext context) =>
        grains.GetGrain<ILocatorReferenceGrain>(LocatorReferenceKey.For(context.Suite, context.Journey, context.StepIndex, context.Locator));
}
