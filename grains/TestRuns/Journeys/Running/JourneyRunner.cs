using System.Diagnostics;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Runs one journey on a fresh page and makes the attempt of it: Passed, Failed (an assertion did not hold) or Error
/// (anything else), the first failing step named with its index, action, locator and line, a screenshot of the page
/// when it did not pass, and the screenshots it asked for. Tells the locator observer, when there is one, about every
/// locator that resolved, and retries a step once with the replacement it offers for one that did not.
/// </summary>
public sealed partial class JourneyRunner(BrowserJourneyOptions options, ILocatorObserver? observer)
{
    public async Task<TestAttempt> RunAsync(IJourneyBrowserPage page, JourneyDefinition journey, JourneyRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(settings);
        var watch = Stopwatch.StartNew();
        var attachments = new List<string>();
        var healed = new List<string>();
        var steps = new JourneyStepRunner(page, options);
        var baseUrl = journey.BaseUrl ?? settings.BaseUrl;
        var timeout = journey.StepTimeout ?? options.StepTimeout;
        foreach (var step in journey.Steps)
        {
            var attempt = new StepAttempt(step);
            try
            {
                await RunStepAsync(page, steps, attempt, journey, settings, baseUrl, step.Timeout ?? timeout, attachments, cancellationToken);
                if (attempt.HealedTo is { } replacement)
                {
                    healed.Add($"step {step.Index + 1} ({step.ActionName}) healed: '{step.Locator}' -> '{replacement}'");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var (outcome, failureType) = Classify(ex);
                var message = $"{attempt.Describe()}: {ex.Message}{attempt.HealingNote()}";
                if (healed.Count > 0)
                {
                    message += $" ({string.Join("; ", healed)})";
                }

                message += await FailureScreenshotAsync(page, journey, settings, attachments, cancellationToken);
                var details = failureType == JourneyFailureTypes.BrowserError ? ex.ToString() : null;
                return new TestAttempt(outcome, watch.Elapsed.TotalMilliseconds, message, details, failureType, attachments);
            }
        }

        return healed.Count > 0
            ? new TestAttempt(TestOutcome.Passed, watch.Elapsed.TotalMilliseconds, string.Join("; ", healed), null, JourneyFailureTypes.PassedAfterHealing, attachments)
            : new TestAttempt(TestOutcome.Passed, watch.Elapsed.TotalMilliseconds, null, null, null, attachments);
    }

    private async Task RunStepAsync(
        IJourneyBrowserPage page,
        JourneyStepRunner steps,
        StepAttempt attempt,
        JourneyDefinition journey,
        JourneyRunSettings settings,
        Uri? baseUrl,
        TimeSpan timeout,
        List<string> attachments,
        CancellationToken cancellationToken)
    {
        var step = attempt.Step;
        var observed = observer is not null && JourneyStepRunner.TargetsOneElement(step);
        var context = step.Locator is null ? null : new JourneyLocatorContext(settings.Suite, journey.Name, step.Index, step.Locator.Text);
        byte[]? png;
        try
        {
            png = await steps.RunAsync(step, step.Locator, baseUrl, timeout, cancellationToken);
        }
        catch (JourneyLocatorMatchException unresolved) when (observed)
        {
            var replacement = await observer!.OnUnresolvedAsync(context!, page, unresolved.Count, cancellationToken);
            if (replacement is null)
            {
                throw;
            }

            if (!JourneyLocatorSyntax.TryParse(replacement, out var healed, out var error))
            {
                throw new JourneyStepException(JourneyFailureTypes.LocatorMalformed, $"{unresolved.Message}; the locator observer offered a malformed replacement {error}");
            }

            attempt.TriedReplacement = healed;
            png = await steps.RunAsync(step, healed, baseUrl, timeout, cancellationToken);
            attempt.HealedTo = healed;
        }

        if (observed)
        {
            await observer!.OnResolvedAsync(context! with { Locator = (attempt.HealedTo ?? step.Locator!).Text }, page, cancellationToken);
        }

        if (png is not null)
        {
            attachments.Add(await SaveAsync(png, journey, settings, step.Argument!, cancellationToken));
        }
    }

    private static (TestOutcome Outcome, string FailureType) Classify(Exception ex) => ex switch
    {
        JourneyAssertionException => (TestOutcome.Failed, JourneyFailureTypes.AssertionFailed),
        JourneyLocatorMatchException => (TestOutcome.Error, JourneyFailureTypes.LocatorNotFound),
        JourneyStepException step => (TestOutcome.Error, step.FailureType),
        TimeoutException => (TestOutcome.Error, JourneyFailureTypes.Timeout),
        _ => (TestOutcome.Error, JourneyFailureTypes.BrowserError),
    };

    // Chromium cannot capture a page that has not painted yet (a first navigation that failed a moment ago): a few tries,
    // 100 ms apart. A page that cannot be photographed at all (a crashed browser) says so in the message instead.
    private static async Task<string> FailureScreenshotAsync(
        IJourneyBrowserPage page, JourneyDefinition journey, JourneyRunSettings settings, List<string> attachments, CancellationToken cancellationToken)
    {
        const int Tries = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                attachments.Add(await SaveAsync(await page.ScreenshotAsync(cancellationToken), journey, settings, "failure", cancellationToken));
                return string.Empty;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == Tries)
                {
                    return $" (no failure screenshot: {ex.Message.Split('\n', 2)[0].Trim()})";
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task<string> SaveAsync(byte[] png, JourneyDefinition journey, JourneyRunSettings settings, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(settings.ArtifactDirectory, $"{UnsafeFileCharacters().Replace(journey.Name, "_")}-attempt{settings.Attempt}-{name}.png");
        await File.WriteAllBytesAsync(path, png, cancellationToken);
        return path;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeFileCharacters();

    /// <summary>What happened to one step's locator, for the attempt's message.</summary>
    private sealed class StepAttempt(JourneyStep step)
    {
        public JourneyStep Step { get; } = step;

        /// <summary>The observer's replacement, once the step has been retried with it.</summary>
        public JourneyLocator? TriedReplacement { get; set; }

        /// <summary>The replacement the step passed with.</summary>
        public JourneyLocator? HealedTo { get; set; }

        public string Describe()
        {
            var target = Step.Locator is { } locator ? $" '{locator}'" : Step.Argument is { } argument ? $" {argument}" : string.Empty;
            return $"step {Step.Index + 1} ({Step.ActionName}{target}, line {Step.Position.Line})";
        }

        public string HealingNote() =>
            TriedReplacement is { } tried && HealedTo is null ? $" (after healing '{Step.Locator}' -> '{tried}' was tried)" : string.Empty;
    }
}
