using Maestro.Grains.Healing;
using Maestro.Grains.Healing.Locators;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Runs a mutation case on a real page: green run on the original, heal on the changed page, check the element.</summary>
public sealed class MutationCaseRunner(IGrainFactory grains, HtmlPageServer server, HealingTestPage page, HealingOptions options)
{
    public const string Suite = "mutation-set";

    public InMemoryJourneyDefinitions Definitions { get; } = new();

    public async Task<MutationResult> RunAsync(MutationCase mutation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        var healer = new LocatorHealer(grains, new LivePageValidator(page), Definitions, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        var context = new JourneyLocatorContext(Suite, mutation.Name, 0, mutation.Locator);
        Definitions.Set(Suite, mutation.Name, $"name: {mutation.Name}\nsteps:\n  - goto: /\n  - click: \"{mutation.Locator.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n");
        await LoadAsync(mutation.Original, mutation.OriginalFrame);
        var before = await page.CountAsync(mutation.Locator, cancellationToken);
        if (before != 1)
        {
            throw new InvalidDataException($"Mutation case {mutation.Name}: '{mutation.Locator}' matches {before} elements on the original page, not 1.");
        }

        await healer.OnResolvedAsync(context, page, cancellationToken);
        await LoadAsync(mutation.Mutated, mutation.MutatedFrame);
        var after = await page.CountAsync(mutation.Locator, cancellationToken);
        if (after == 1)
        {
            throw new InvalidDataException($"Mutation case {mutation.Name}: '{mutation.Locator}' still matches one element on the changed page.");
        }

        var result = await healer.HealAsync(context, page, after, cancellationToken);
        var right = result.Locator is not null && mutation.ExpectedElement is not null
            && await SameElementAsync(result.Locator, mutation.ExpectedElement, cancellationToken);
        return new MutationResult(mutation, result.Locator, right, result.SessionId);
    }

    private async Task LoadAsync(string html, string? frame)
    {
        server.Set("/", html);
        server.Set("/frame.html", frame ?? "<html><body></body></html>");
        await page.Page.GotoAsync(server.BaseUrl + "/");
    }

    private async Task<bool> SameElementAsync(string healed, string expected, CancellationToken cancellationToken)
    {
        if (await page.CountAsync(expected, cancellationToken) != 1)
        {
            throw new InvalidDataException($"The expected element '{expected}' does not match exactly one element on the changed page.");
        }

        var a = ElementCaptureScript.ReadElement(await page.EvaluateOnElementJsonAsync(healed, ElementCaptureScript.DescribeElement, cancellationToken));
        var b = ElementCaptureScript.ReadElement(await page.EvaluateOnElementJsonAsync(expected, ElementCaptureScript.DescribeElement, cancellationToken));
        return a is not null && b is not null && a.PathKey() == b.PathKey();
    }
}
