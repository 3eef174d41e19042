using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>Every action, every assertion and every locator form, passing, on both drivers.</summary>
public sealed class JourneyActionTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    private const string EveryAction =
        """
        journeys:
          - name: every action
            steps:
              - navigate: /app
              - assert-url: /app
              - assert-url: { matches: "/app$" }
              - click: testid=add
              - click: testid=add
              - assert-text: { locator: id=count, equals: "2" }
              - fill: { locator: label=Email, value: "${env.EMAIL}" }
              - assert-text: { locator: id=echo, equals: ann@example.com }
              - assert-text: { locator: id=email, equals: ann@example.com }
              - select: { locator: id=country, option: de }
              - assert-text: { locator: id=chosen, equals: de }
              - select: { locator: id=country, option: France }
              - assert-text: { locator: id=country, equals: France }
              - hover: id=menu
              - assert-text: { locator: id=hovered, equals: hovered }
              - assert-visible: id=submenu
              - fill: { locator: id=search, value: shoes }
              - press: { locator: id=search, key: Enter }
              - assert-text: { locator: id=searched, contains: shoes }
              - click: id=later
              - wait-for: { locator: testid=late, state: attached }
              - wait-for: testid=late
              - assert-text: { locator: testid=late, equals: Arrived }
              - click: id=vanish
              - wait-for: { locator: id=doomed, state: detached }
              - click: id=hide
              - wait-for: { locator: id=fading, state: hidden }
              - assert-count: { locator: "css=#items li", n: 3 }
              - assert-attribute: { locator: id=docs, name: data-state, value: ready }
              - screenshot: shop
              - click: text=Next page
              - assert-url: { matches: "/app/next\\?from=shop$" }
              - assert-text: { locator: role=heading, equals: Second page }
        """;

    private const string EveryLocator =
        """
        journeys:
          - name: every locator
            steps:
              - navigate: /app
              - assert-text: { locator: testid=add, equals: Add to cart }
              - assert-text: { locator: 'role=button[name="Add to cart"]', equals: Add to cart }
              - click: 'role=button[name="Close dialog"]'
              - assert-text: { locator: id=dismissed, equals: dismissed }
              - click: 'role=button[name="Custom"]'
              - assert-text: { locator: id=custom, equals: custom clicked }
              - assert-count: { locator: role=heading, n: 1 }
              - assert-attribute: { locator: 'role=link[name="Documentation"]', name: href, value: /docs }
              - assert-attribute: { locator: 'role=img[name="Logo"]', name: alt, value: Logo }
              - assert-attribute: { locator: 'role=checkbox[name="Accept terms"]', name: id, value: terms }
              - assert-attribute: { locator: 'role=combobox[name="Country"]', name: id, value: country }
              - assert-attribute: { locator: 'role=textbox[name="Email"]', name: id, value: email }
              - assert-count: { locator: 'role=button[name="Disabled"]', n: 1 }
              - assert-attribute: { locator: label=Email, name: name, value: email }
              - assert-attribute: { locator: label=Country, name: id, value: country }
              - assert-attribute: { locator: label=Accept terms, name: type, value: checkbox }
              - assert-attribute: { locator: name=email, name: id, value: email }
              - assert-attribute: { locator: text=Hello world, name: id, value: greeting }
              - assert-count: { locator: text=world, n: 1 }
              - assert-text: { locator: text=world, equals: world }
              - assert-text: { locator: "xpath=//ul[@id='items']/li[2]", equals: Two }
              - assert-text: { locator: "css=#items > li:last-child", equals: Three }
              - assert-text: { locator: "#items li:first-child", equals: One }
              - click: "frame=#outer >> testid=frame-btn"
              - assert-text: { locator: "frame=#outer >> id=out", equals: frame clicked }
              - assert-text: { locator: "frame=#outer >> frame=#inner >> id=deepest", equals: Inner frame text }
              - assert-text: { locator: "frame=#outer >> frame=#inner >> xpath=//p", equals: Inner frame text }
              - assert-count: { locator: id=deepest, n: 0 }
              - click: testid=shadow-btn
              - assert-text: { locator: "css=#shadow-out", equals: shadow clicked }
              - assert-count: { locator: .deep, n: 1 }
              - assert-text: { locator: 'role=button[name="Shadow button"]', equals: Shadow button }
              - assert-attribute: { locator: text=Shadow button, name: data-testid, value: shadow-btn }
              - fill: { locator: label=Nickname, value: Zed }
              - assert-text: { locator: name=nick, equals: Zed }
              - assert-attribute: { locator: id=shadow-input, name: name, value: nick }
              - assert-count: { locator: "xpath=//button[@data-testid='shadow-btn']", n: 0 }
        """;

    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task Every_locator_form_resolves_through_frames_and_open_shadow_roots(string adapter)
    {
        var attempt = (await fixture.RunAsync(adapter, EveryLocator))["every locator"];

        Assert.True(attempt.Outcome == TestOutcome.Passed, $"{attempt.Message}\n{attempt.StackTrace}");
        Assert.Empty(attempt.Attachments);
    }

    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task Every_action_and_assertion_passes_and_the_screenshot_is_a_png(string adapter)
    {
        var results = await fixture.RunAsync(adapter, EveryAction, new Dictionary<string, string> { ["EMAIL"] = "ann@example.com" });

        var attempt = results["every action"];
        Assert.True(attempt.Outcome == TestOutcome.Passed, $"{attempt.Message}\n{attempt.StackTrace}");
        Assert.Null(attempt.FailureType);
        var screenshot = Assert.Single(attempt.Attachments);
        Assert.Equal(Path.Combine(fixture.ArtifactDirectory, "every_action-attempt1-shop.png"), screenshot);
        PngAssert.IsPng(screenshot);
    }
}
