using System.Net;
using System.Net.Sockets;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>Journeys that fail or err: the outcome, the failure type, the message naming the step, the screenshot; the same on both drivers.</summary>
public sealed class JourneyFailureTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    private static string Failing(int closedPort) =>
        $$"""
        timeout: 300ms
        journeys:
          - name: text differs
            steps:
              - navigate: /app
              - assert-text: { locator: id=count, equals: "5" }
          - name: text lacks
            steps:
              - navigate: /app
              - assert-text: { locator: id=greeting, contains: moon }
          - name: url differs
            steps:
              - navigate: /app
              - assert-url: /app/other
          - name: url does not match
            steps:
              - navigate: /app
              - assert-url: { matches: "/checkout$" }
          - name: count differs
            steps:
              - navigate: /app
              - assert-count: { locator: "css=#items li", n: 2 }
          - name: attribute differs
            steps:
              - navigate: /app
              - assert-attribute: { locator: id=docs, name: data-state, value: busy }
          - name: attribute absent
            steps:
              - navigate: /app
              - assert-attribute: { locator: id=docs, name: target, value: _blank }
          - name: not visible
            steps:
              - navigate: /app
              - assert-visible: id=submenu
          - name: missing element
            steps:
              - navigate: /app
              - click: testid=nope
          - name: ambiguous
            steps:
              - navigate: /app
              - hover: css=.twin
          - name: missing frame
            steps:
              - navigate: /app
              - click: "frame=#nope >> id=out"
          - name: disabled
            steps:
              - navigate: /app
              - click: id=disabled-btn
          - name: never hidden
            steps:
              - navigate: /app
              - wait-for: { locator: id=count, state: hidden }
          - name: no such option
            steps:
              - navigate: /app
              - select: { locator: id=country, option: Italy }
          - name: css the browser rejects
            steps:
              - navigate: /app
              - click: "css=div:nope"
          - name: unreachable
            steps:
              - navigate: http://127.0.0.1:{{closedPort}}/
        """;

    [Fact]
    public async Task Failing_journeys_end_the_same_on_both_drivers_with_the_step_and_reason_in_the_message()
    {
        var yaml = Failing(ClosedPort());
        var playwright = await fixture.RunAsync("playwright", yaml);
        var selenium = await fixture.RunAsync("selenium", yaml);

        Assert.Equal(16, playwright.Count);
        Assert.Equal(playwright.Keys.Order(), selenium.Keys.Order());
        foreach (var (name, attempt) in playwright)
        {
            Assert.Equal(attempt.Message, selenium[name].Message);
            Assert.Equal((attempt.Outcome, attempt.FailureType), (selenium[name].Outcome, selenium[name].FailureType));
        }

        (string Journey, TestOutcome Outcome, string FailureType, string Message)[] expected =
        [
            ("text differs", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                "step 2 (assert-text 'id=count', line 6): expected the text of 'id=count' to be '5', but it was '0' (waited 0.3 s)"),
            ("text lacks", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                "step 2 (assert-text 'id=greeting', line 10): expected the text of 'id=greeting' to contain 'moon', but it was 'Hello world' (waited 0.3 s)"),
            ("url differs", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                $"step 2 (assert-url /app/other, line 14): expected the URL to be '{fixture.BaseUrl}app/other', but it was '{fixture.BaseUrl}app' (waited 0.3 s)"),
            ("url does not match", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                $"step 2 (assert-url /checkout$, line 18): expected the URL to match '/checkout$', but it was '{fixture.BaseUrl}app' (waited 0.3 s)"),
            ("count differs", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                "step 2 (assert-count 'css=#items li', line 22): expected 'css=#items li' to match 2 elements, but it matched 3 (waited 0.3 s)"),
            ("attribute differs", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                "step 2 (assert-attribute 'id=docs', line 26): expected attribute 'data-state' of 'id=docs' to be 'busy', but it was 'ready' (waited 0.3 s)"),
            ("attribute absent", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                "step 2 (assert-attribute 'id=docs', line 30): expected attribute 'target' of 'id=docs' to be '_blank', but it was absent (waited 0.3 s)"),
            ("not visible", TestOutcome.Failed, JourneyFailureTypes.AssertionFailed,
                "step 2 (assert-visible 'id=submenu', line 34): expected 'id=submenu' to be visible, but it is hidden (waited 0.3 s)"),
            ("missing element", TestOutcome.Error, JourneyFailureTypes.LocatorNotFound,
                "step 2 (click 'testid=nope', line 38): 'testid=nope' matched no element"),
            ("ambiguous", TestOutcome.Error, JourneyFailureTypes.LocatorNotFound,
                "step 2 (hover 'css=.twin', line 42): 'css=.twin' matched 2 elements, not one"),
            ("missing frame", TestOutcome.Error, JourneyFailureTypes.LocatorNotFound,
                "step 2 (click 'frame=#nope >> id=out', line 46): 'frame=#nope (of 'frame=#nope >> id=out')' matched no element"),
            ("disabled", TestOutcome.Error, JourneyFailureTypes.Timeout,
                "step 2 (click 'id=disabled-btn', line 50): 'id=disabled-btn' is disabled after 0.3 s"),
            ("never hidden", TestOutcome.Error, JourneyFailureTypes.Timeout,
                "step 2 (wait-for 'id=count', line 54): 'id=count' is still visible after 0.3 s"),
            ("no such option", TestOutcome.Error, JourneyFailureTypes.OptionNotFound,
                "step 2 (select 'id=country', line 58): 'id=country' has no option with the value or label 'Italy' after 0.3 s"),
            ("css the browser rejects", TestOutcome.Error, JourneyFailureTypes.LocatorMalformed,
                "step 2 (click 'css=div:nope', line 62): the browser rejected 'css=div:nope': malformed css selector 'div:nope'"),
        ];
        foreach (var (journey, outcome, failureType, message) in expected)
        {
            var attempt = playwright[journey];
            Assert.Equal(message, attempt.Message);
            Assert.Equal((outcome, failureType), (attempt.Outcome, attempt.FailureType));
        }

        Assert.Equal(JourneyFailureTypes.NavigationFailed, playwright["unreachable"].FailureType);
        Assert.EndsWith("failed: net::ERR_CONNECTION_REFUSED", playwright["unreachable"].Message, StringComparison.Ordinal);

        foreach (var (name, attempt) in playwright.Concat(selenium))
        {
            var screenshot = Assert.Single(attempt.Attachments);
            Assert.EndsWith("-attempt1-failure.png", screenshot, StringComparison.Ordinal);
            Assert.StartsWith(fixture.ArtifactDirectory, screenshot, StringComparison.Ordinal);
            PngAssert.IsPng(screenshot);
            Assert.True(attempt.DurationMs > 0, name);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
