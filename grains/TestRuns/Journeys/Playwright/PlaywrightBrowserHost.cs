using Microsoft.Playwright;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// The Playwright adapter's one Chromium: started on first use, restarted when it has crashed or disconnected, closed
/// (with Playwright's driver process) on dispose. Journeys get a browser context each, and may run side by side.
/// </summary>
public sealed class PlaywrightBrowserHost(BrowserJourneyOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private bool disposed;

    /// <summary>A page of a new browser context (viewport from the options); dispose it to close the context.</summary>
    public async Task<PlaywrightJourneyPage> OpenPageAsync(CancellationToken cancellationToken)
    {
        var running = await BrowserAsync(restart: null, cancellationToken);
        try
        {
            return await NewPageAsync(running);
        }
        catch (PlaywrightException)
        {
            // A browser that died a moment ago may not have reported its disconnection yet: start a new one, once.
            return await NewPageAsync(await BrowserAsync(restart: running, cancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            disposed = true;
            await StopAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    // restart: a browser that failed, replaced unless another caller has replaced it already.
    private async Task<IBrowser> BrowserAsync(IBrowser? restart, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (browser is { IsConnected: true } && browser != restart)
            {
                return browser;
            }

            await StopAsync();
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ChromiumPath,
                Headless = options.Headless,
                Args = options.LaunchArguments,
            });
            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PlaywrightJourneyPage> NewPageAsync(IBrowser running)
    {
        var context = await running.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
        });
        return new PlaywrightJourneyPage(context, await context.NewPageAsync());
    }

    private async Task StopAsync()
    {
        if (browser is { IsConnected: true })
        {
            await browser.CloseAsync();
        }

        browser = null;
        playwright?.Dispose();
        playwright = null;
    }
}
