using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// The Selenium adapter's one ChromeDriver session (one ChromeDriver and one Chromium process): started on first use,
/// restarted when it no longer answers, quit on dispose. A WebDriver session runs one thing at a time, so journeys take
/// turns; each starts on a blank window with the previous journey's cookies, storage and extra windows gone.
/// </summary>
public sealed class SeleniumBrowserHost(BrowserJourneyOptions options) : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim turn = new(1, 1);
    private ChromeDriverService? service;
    private ChromeDriver? driver;
    private IReadOnlyCollection<string> previousOrigins = [];
    private bool disposed;

    /// <summary>The session's page, cleaned for a new journey; dispose the lease to give the session to the next one.</summary>
    public async Task<JourneyPageLease> OpenPageAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var session = Alive() ?? Start();
            Clean(session);
            var page = new SeleniumJourneyPage(session);
            return new JourneyPageLease(page, () =>
            {
                previousOrigins = [.. page.Origins];
                turn.Release();
                return ValueTask.CompletedTask;
            });
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await turn.WaitAsync();
        try
        {
            disposed = true;
            Stop();
        }
        finally
        {
            turn.Release();
        }
    }

    private ChromeDriver? Alive()
    {
        if (driver is null)
        {
            return null;
        }

        try
        {
            // A journey that closed the last window leaves a session with nothing to drive: replace it too.
            if (driver.WindowHandles.Count > 0)
            {
                return driver;
            }
        }
        catch (WebDriverException)
        {
            // The browser or ChromeDriver died: this session is gone. Quit cannot reach it either; disposing the
            // service still ends ChromeDriver's process if it lives. Start() makes a new session.
            driver.Dispose();
            driver = null;
            service?.Dispose();
            service = null;
            return null;
        }

        Stop();
        return null;
    }

    private ChromeDriver Start()
    {
        var directory = Path.GetDirectoryName(options.ChromeDriverPath)!;
        service = ChromeDriverService.CreateDefaultService(directory, Path.GetFileName(options.ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var chrome = new ChromeOptions { BinaryLocation = options.ChromiumPath };
        chrome.AddArguments(options.EffectiveArguments());
        chrome.AddArgument($"--window-size={options.ViewportWidth},{options.ViewportHeight}");
        try
        {
            driver = new ChromeDriver(service, chrome, CommandTimeout);
        }
        catch
        {
            Stop();
            throw;
        }

        return driver;
    }

    private void Clean(ChromeDriver session)
    {
        var handles = session.WindowHandles;
        foreach (var extra in handles.Skip(1))
        {
            session.SwitchTo().Window(extra).Close();
        }

        session.SwitchTo().Window(handles[0]);
        session.Navigate().GoToUrl("about:blank");
        session.ExecuteCdpCommand("Network.clearBrowserCookies", []);
        foreach (var origin in previousOrigins)
        {
            session.ExecuteCdpCommand("Storage.clearDataForOrigin", new Dictionary<string, object?> { ["origin"] = origin, ["storageTypes"] = "all" });
        }

        previousOrigins = [];
    }

    private void Stop()
    {
        try
        {
            driver?.Quit();
        }
        finally
        {
            driver?.Dispose();
            driver = null;
            service?.Dispose();
            service = null;
        }
    }
}
