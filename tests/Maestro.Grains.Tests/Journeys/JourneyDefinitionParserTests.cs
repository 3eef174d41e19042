using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>Journeys files read and checked before anything runs: what a good file gives, and every problem of a bad one with its line and column.</summary>
public sealed class JourneyDefinitionParserTests
{
    private static readonly Dictionary<string, string> Environment = new() { ["USER"] = "ann", ["HOST"] = "http://127.0.0.1:9000" };

    [Fact]
    public void A_good_file_gives_every_journey_with_its_steps_and_env_values_substituted()
    {
        var journeys = JourneyDefinitionParser.Load(
            """
            timeout: 2s
            journeys:
              - name: sign in
                baseUrl: ${env.HOST}/shop/
                steps:
                  - navigate: login
                  - fill: { locator: label=User, value: "${env.USER}" }
                  - press: { locator: id=user, key: Shift+Tab, timeout: 500ms }
                  - select: { locator: id=lang, option: English }
                  - wait-for: { locator: testid=menu, state: detached }
                  - assert-url: { matches: "/home$" }
                  - assert-count: { locator: "frame=#f >> li", n: 0 }
                  - assert-attribute: { locator: id=a, name: href, value: "" }
                  - screenshot: signed-in
              - name: browse
                timeout: 10s
                steps:
                  - hover: 'role=link[name="Docs \"v2\""]'
            """, "suite.yaml", Environment);

        Assert.Equal(["sign in", "browse"], journeys.Select(j => j.Name));
        var signIn = journeys[0];
        Assert.Equal(new Uri("http://127.0.0.1:9000/shop/"), signIn.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(2), signIn.StepTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), journeys[1].StepTimeout);
        Assert.Equal(
            [JourneyAction.Navigate, JourneyAction.Fill, JourneyAction.Press, JourneyAction.Select, JourneyAction.WaitFor, JourneyAction.AssertUrl, JourneyAction.AssertCount, JourneyAction.AssertAttribute, JourneyAction.Screenshot],
            signIn.Steps.Select(s => s.Action));
        Assert.Equal("ann", signIn.Steps[1].Argument);
        Assert.Equal(TimeSpan.FromMilliseconds(500), signIn.Steps[2].Timeout);
        Assert.Equal(JourneyWaitState.Detached, signIn.Steps[4].State);
        Assert.Matches(signIn.Steps[5].Pattern!, "http://x/home");
        Assert.Equal(["#f"], signIn.Steps[6].Locator!.Frames);
        Assert.Equal("li", signIn.Steps[6].Locator!.Target);
        Assert.Equal(0, signIn.Steps[6].ExpectedCount);
        Assert.Equal(string.Empty, signIn.Steps[7].Argument);
        Assert.Equal((7, 9), (signIn.Steps[1].Position.Line, signIn.Steps[1].Position.Column));
        Assert.Equal(Enumerable.Range(0, 9), signIn.Steps.Select(s => s.Index));
    }

    [Fact]
    public void Every_problem_of_a_bad_file_is_reported_with_its_line_and_column_and_no_journey_is_given()
    {
        const string yaml =
            """
            journeys:
              - name: first
                colour: blue
                steps:
                  - navigate: /
                  - tap: id=x
                  - click: { locator: id=x, wait: 1s }
                  - fill: { locator: id=x }
                  - click: "css=div[data-x"
                  - click: "role=Button"
                  - assert-text: { locator: id=x, equals: a, contains: b }
                  - assert-url: { matches: "(unclosed" }
                  - wait-for: { locator: id=x, state: gone }
                  - assert-count: { locator: li, n: many }
                  - press: { locator: id=x, key: Hyper+K }
                  - fill: { locator: id=x, value: "${env.MISSING}" }
                  - click: "xpath=//div["
                  - click: "frame=#f"
                  - screenshot: "../escape"
              - name: first
                steps:
                  - navigate: /
              - steps: []
            """;

        var (journeys, errors) = JourneyDefinitionParser.Parse(yaml, "bad.yaml", Environment);

        Assert.DoesNotContain(journeys, j => j.Name == "first");
        Assert.Throws<JourneyDefinitionException>(() => JourneyDefinitionParser.Load(yaml, "bad.yaml", Environment));
        var found = errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
        string[] expected =
        [
            "3:5 unknown key 'colour' in a journey; expected one of: name, baseUrl, timeout, steps",
            "6:9 unknown action 'tap' in step 2 of journey 'first'; the actions are: navigate, click, fill, select, hover, press, wait-for, assert-text, assert-visible, assert-url, assert-count, assert-attribute, screenshot",
            "7:33 unknown key 'wait' in 'click' (step 3 of journey 'first'); expected one of: locator, timeout",
            "8:15 missing required key 'value' in 'fill' (step 4 of journey 'first')",
            "9:16 malformed locator in 'click' (step 5 of journey 'first'): 'css=div[data-x': 'div[data-x' is not a CSS selector: '[' is not closed",
            "10:16 malformed locator in 'click' (step 6 of journey 'first'): 'role=Button': 'role=Button' must be role=ROLE or role=ROLE[name=\"NAME\"] (ROLE in lower case, NAME in double quotes, \\\" for a quote)",
            "11:60 'assert-text' (step 7 of journey 'first') takes exactly one of: equals, contains",
            "12:32 'matches' of 'assert-url' (step 8 of journey 'first') is not a valid regular expression: Invalid pattern '(unclosed' at offset 9. Not enough )'s.",
            "13:43 'state' of 'wait-for' (step 9 of journey 'first') must be visible, hidden, attached or detached, not 'gone'",
            "14:41 'n' of 'assert-count' (step 10 of journey 'first') must be a whole number from 0 to 100000, not 'many'",
            "15:38 'key' of 'press' (step 11 of journey 'first') must be one character or a key name (Enter, Tab, Escape, Backspace, Delete, Space, ArrowUp, ArrowDown, ArrowLeft, ArrowRight, Home, End, PageUp, PageDown), optionally after Shift+, Control+, Alt+ or Meta+; not 'Hyper+K'",
            "16:40 '${env.MISSING}' in 'value' of 'fill' (step 12 of journey 'first'): the suite's environment has no variable 'MISSING'",
            "17:16 malformed locator in 'click' (step 13 of journey 'first'): 'xpath=//div[': the xpath does not compile: Expression must evaluate to a node-set.",
            "18:16 malformed locator in 'click' (step 14 of journey 'first'): 'frame=#f': a frame= part must be followed by '>> LOCATOR' (the locator inside the frame)",
            "19:21 'name' of 'screenshot' (step 15 of journey 'first') must be 1 to 64 letters, digits, '_' or '-' (it names the PNG file), not '../escape'",
            "20:5 duplicate journey name 'first'; names must be unique in a file (they make the test ids)",
            "23:5 missing required key 'name' in a journey",
            "23:12 'steps' of a journey must be a list of at least one step",
        ];
        Assert.Equal(expected, found);
        Assert.All(errors, e => Assert.Equal("bad.yaml", e.File));
    }

    [Theory]
    [InlineData("journeys:\n  - name: a\n    steps:\n      - click: [id=x\n", 5, 1, "invalid YAML:")]
    [InlineData("journeys:\n  - name: a\n    name: b\n", 3, 5, "invalid YAML: Duplicate key")]
    [InlineData("", 1, 1, "the journeys file is empty")]
    [InlineData("- name: a\n", 1, 1, "the journeys file must be a mapping of keys to values")]
    [InlineData("journeys: []\n", 1, 11, "'journeys' must be a list of at least one journey")]
    [InlineData("timeout: forever\njourneys:\n  - name: a\n    steps: [navigate: /]\n", 1, 10, "'timeout' must be a duration from 1ms to 10m such as 500ms or 5s, not 'forever'")]
    [InlineData("journeys:\n  - name: a\n    baseUrl: ftp://x/\n    steps: [navigate: /]\n", 3, 14, "'baseUrl' of journey 'a' must be an absolute http or https URL, not 'ftp://x/'")]
    [InlineData("journeys:\n  - name: a\n    steps:\n      - navigate: /\n        click: id=x\n", 4, 9, "step 1 of journey 'a' must be one action and its arguments")]
    [InlineData("journeys:\n  - name: a\n    steps:\n      - fill: id=x\n", 4, 15, "'fill' (step 1 of journey 'a') takes a mapping of: locator, value, timeout")]
    [InlineData("journeys:\n  - name: a\n    steps:\n      - navigate: \"${HOME}/x\"\n", 4, 20, "'${HOME}' in 'url' of 'navigate' (step 1 of journey 'a'): only ${env.NAME} references are substituted")]
    public void A_malformed_file_is_refused_at_the_exact_place(string yaml, int line, int column, string message)
    {
        var ex = Assert.Throws<JourneyDefinitionException>(() => JourneyDefinitionParser.Load(yaml, "f.yaml", Environment));

        var error = ex.Errors[0];
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"f.yaml:{line}:{column}: {message}", ex.Message, StringComparison.Ordinal);
    }
}
