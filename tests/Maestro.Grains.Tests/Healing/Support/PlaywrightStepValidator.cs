using System.Diagnostics;
using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.Healing.Locators;
using Microsoft.Playwright;

namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// Validates a heal the way the journey runner will: a fresh page, the step run again with the healed locator (a
/// click), and the step's expectation checked (a text the page must then show).
/// </summary>
public sealed class PlaywrightStepValidator(IBrowser browser, string expectedText) : IHealValidator
{
    public int Runs { get; private set; }

    public async Task<HealValidation> ValidateAsync(HealValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Runs++;
        var watch = Stopwatch.StartNew();
        await using var page = await HealingTestPage.OpenAsync(browser);
        await page.Page.GotoAsync(request.Url);
        var count = await page.CountAsync(request.HealedLocator, cancellationToken);
        if (count != 1)
        {
            return new HealValidation(false, [$"Re-run on a fresh page: '{request.HealedLocator}' matches {count} elements."], watch.Elapsed.TotalMilliseconds);
        }

        await page.EvaluateOnElementJsonAsync(request.HealedLocator, "(e) => { e.click(); return true; }", cancellationToken);
        var expectation = page.Page.GetByText(expectedText, new PageGetByTextOptions { Exact = true });
        try
        {
            await expectation.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Page.Locator("body").InnerTextAsync();
            return new HealValidation(false, [$"Re-run: clicked '{request.HealedLocator}'; the page did not show '{expectedText}' within 5 s. It shows: {shown.Trim()}"], watch.Elapsed.TotalMilliseconds);
        }

        return new HealValidation(true, [$"Re-run: clicked '{request.HealedLocator}' on a fresh page; it shows '{expectedText}'."], watch.Elapsed.TotalMilliseconds);
    }
}
