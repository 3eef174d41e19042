using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.Healing;
using Maestro.Grains.Healing.Locators;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Candidate scoring, selection, locator generation, the YAML patch and the confidence policy, without a browser.</summary>
public sealed class LocatorScoringTests
{
    private static readonly LocatorScoringOptions Options = new();

    private static ElementDescriptor Element(string tag, string? id = null, string? text = null, string[]? classes = null, bool visible = true, bool enabled = true, string? testId = null, string? name = null, params string[] path) =>
        new(tag, [.. path.Select((t, i) => new ElementPathStep(t, i)), new ElementPathStep(tag, 0)], id, name, testId, tag == "button" ? "button" : null, null, text, null, text,
            classes ?? [], new Dictionary<string, string>(), visible, enabled, [], false, null, null);

    [Fact]
    public void An_element_without_an_id_can_score_a_full_match()
    {
        var reference = Element("button", text: "Save", classes: ["btn"], path: ["html", "body", "form"]);

        var scored = new CandidateScorer(Options, new Dictionary<string, double>()).Score(reference, reference);

        Assert.Equal(1.0, scored.Score);
        Assert.DoesNotContain(scored.Terms, t => t.Term == "id");
    }

    [Fact]
    public void Path_similarity_ignores_sibling_indexes_and_counts_common_tags()
    {
        ElementPathStep[] a = [new("html", 0), new("body", 1), new("form", 0), new("button", 3)];
        ElementPathStep[] b = [new("html", 0), new("body", 1), new("form", 2), new("div", 1), new("button", 0)];

        Assert.Equal(1.0, PathSimilarity.Compute(a, a.Select(s => s with { Index = s.Index + 5 }).ToList()));
        Assert.Equal(2.0 * 4 / 9, PathSimilarity.Compute(a, b), 10);
    }

    [Fact]
    public void Learned_trust_scales_a_terms_weight()
    {
        var reference = Element("button", id: "save", text: "Save", path: ["html", "body"]);
        var candidate = Element("button", id: "store", text: "Save", path: ["html", "body"]);

        var plain = new CandidateScorer(Options, new Dictionary<string, double>()).Score(reference, candidate);
        var distrustText = new CandidateScorer(Options, new Dictionary<string, double> { ["text"] = 0.25, ["label"] = 0.25 }).Score(reference, candidate);

        Assert.Equal(Options.TextWeight * 0.25, distrustText.Terms.Single(t => t.Term == "text").Weight);
        Assert.True(distrustText.Score < plain.Score);
    }

    [Fact]
    public void The_selector_refuses_a_close_runner_up_a_hidden_best_match_and_a_low_score()
    {
        var reference = Element("button", id: "save", text: "Save", path: ["html", "body"]);
        var scorer = new CandidateScorer(Options, new Dictionary<string, double>());
        var twin = Element("button", text: "Save", path: ["html", "body"]);

        var ambiguous = CandidateSelector.Select(scorer.Rank(reference, [twin, twin with { Path = [.. twin.Path.Take(twin.Path.Count - 1), new ElementPathStep("button", 1)] }]), Options);
        var hidden = CandidateSelector.Select(scorer.Rank(reference, [reference with { Id = "save-2", Visible = false }, Element("button", text: "Saved", path: ["html", "body"])]), Options);
        var low = CandidateSelector.Select(scorer.Rank(reference, [Element("a", text: "Home", path: ["html", "body", "nav"])]), Options);
        var clear = CandidateSelector.Select(scorer.Rank(reference, [reference with { Id = "save-changes" }, Element("button", text: "Cancel", path: ["html", "body"])]), Options);

        Assert.Null(ambiguous.Winner);
        Assert.StartsWith("No element chosen: ambiguous", ambiguous.Reason, StringComparison.Ordinal);
        Assert.Null(hidden.Winner);
        Assert.Contains("is invisible; healing to another element would hide a regression", hidden.Reason, StringComparison.Ordinal);
        Assert.Equal("invisible", hidden.Candidates[0].Rejection);
        Assert.Null(low.Winner);
        Assert.Contains("below the minimum 0.60", low.Reason, StringComparison.Ordinal);
        Assert.Equal("save-changes", clear.Winner!.Element.Id);
        Assert.Null(clear.Candidates[0].Rejection);
        Assert.Equal("below the minimum score 0.60", clear.Candidates[1].Rejection);
    }

    [Fact]
    public void The_chosen_element_is_kept_even_below_the_kept_count()
    {
        var reference = Element("button", id: "save", text: "Save", path: ["html", "body"]);
        var scorer = new CandidateScorer(Options, new Dictionary<string, double>());

        var selection = CandidateSelector.Select(scorer.Rank(reference, [reference with { Visible = false }, reference with { Id = "sav" }]), new LocatorScoringOptions { CandidatesKept = 1 });

        Assert.Equal("sav", selection.Winner!.Element.Id);
        Assert.Equal(["invisible", null], selection.Candidates.Select(c => c.Rejection));
    }

    [Fact]
    public void Locators_are_generated_most_stable_first_with_frame_prefixes_and_without_generated_values()
    {
        var element = Element("button", id: "save", text: "Save", classes: ["btn", "css-1a9f3b7"], testId: "save-button", name: "action") with
        {
            Frames = ["#outer", "iframe.payment"],
            Css = "#form > button:nth-of-type(2)",
            Xpath = "/html/body/form/button[2]",
        };

        Assert.Equal(
            [
                "frame=#outer >> frame=iframe.payment >> testid=save-button",
                "frame=#outer >> frame=iframe.payment >> role=button[name=\"Save\"]",
                "frame=#outer >> frame=iframe.payment >> id=save",
                "frame=#outer >> frame=iframe.payment >> name=action",
                "frame=#outer >> frame=iframe.payment >> css=button.btn",
                "frame=#outer >> frame=iframe.payment >> css=#form > button:nth-of-type(2)",
                "frame=#outer >> frame=iframe.payment >> xpath=/html/body/form/button[2]",
            ],
            LocatorGenerator.Generate(element));
        Assert.DoesNotContain(LocatorGenerator.Generate(element with { Id = "btn-48213", TestId = ":r3:", Frames = [] }), l => l.StartsWith("id=", StringComparison.Ordinal) || l.StartsWith("testid=", StringComparison.Ordinal));
    }

    [Fact]
    public void The_yaml_patch_replaces_the_locator_of_the_right_step_and_keeps_quoting_and_comments()
    {
        const string yaml = """
            journeys:
              - name: login
                steps:
                  - click: 'css=#go'
                  - click: 'css=#go'  # twice on purpose
            """;

        var (patched, diff, problem) = YamlLocatorPatch.Replace(yaml, "login", 1, "css=#go", "role=button[name=\"Go\"]");
        var (_, _, missing) = YamlLocatorPatch.Replace(yaml, "login", 0, "css=#gone", "id=x");
        var (_, _, broken) = YamlLocatorPatch.Replace("steps: [a, b", "login", 0, "a", "id=x");

        Assert.Null(problem);
        Assert.Equal(yaml.Replace("  - click: 'css=#go'  #", "  - click: 'role=button[name=\"Go\"]'  #", StringComparison.Ordinal), patched);
        Assert.Contains("-      - click: 'css=#go'  # twice on purpose\n+      - click: 'role=button[name=\"Go\"]'  # twice on purpose\n", diff, StringComparison.Ordinal);
        Assert.Equal("the locator 'css=#gone' does not occur in the definition", missing);
        Assert.StartsWith("the definition does not parse at line", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void The_yaml_patch_changes_only_the_named_journey_when_two_journeys_share_a_locator_at_the_same_step()
    {
        const string yaml = """
            journeys:
              - name: login
                steps:
                  - goto: /
                  - click: id=go
              - steps:
                  - goto: /admin
                  - click: id=go
                name: admin
            """;

        var (patched, _, problem) = YamlLocatorPatch.Replace(yaml, "admin", 1, "id=go", "testid=go");
        var (_, _, unknown) = YamlLocatorPatch.Replace(yaml, "reports", 1, "id=go", "testid=go");

        Assert.Null(problem);
        Assert.Equal(yaml[..^"      - click: id=go\n    name: admin".Length] + "      - click: testid=go\n    name: admin", patched);
        Assert.Equal("the locator 'id=go' occurs 2 times and not once in step 1 of journey 'reports'", unknown);
    }

    [Theory]
    [InlineData(0.95, HealingDecision.Apply)]
    [InlineData(0.90, HealingDecision.Apply)]
    [InlineData(0.89, HealingDecision.ApplyAndReview)]
    [InlineData(0.75, HealingDecision.ApplyAndReview)]
    [InlineData(0.74, HealingDecision.ProposeOnly)]
    [InlineData(0.60, HealingDecision.ProposeOnly)]
    [InlineData(0.59, HealingDecision.ReportOnly)]
    public void The_default_confidence_policy_draws_its_lines_at_090_075_and_060(double confidence, HealingDecision expected) =>
        Assert.Equal(expected, ConfidencePolicy.Decide(confidence, new ConfidencePolicyOptions()));

    [Fact]
    public void Policy_thresholds_out_of_order_are_refused_with_their_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new HealingOptions { Policy = new ConfidencePolicyOptions { ApplyAt = 0.7, ReviewAt = 0.8 } }.Validate());
        Assert.Contains("ReviewAt (0.8) <= ApplyAt (0.7)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_moves_by_the_similarity_of_each_term_within_its_bounds()
    {
        var options = new HealingOptions();
        var trust = new Dictionary<string, double> { ["classes"] = 0.3 };
        ScoreTerm[] terms = [new("text", 1, 1, string.Empty), new("id", 0, 1, string.Empty), new("classes", 1, 0.5, string.Empty)];

        TrustLearner.Learn(trust, terms, approved: false, options);

        Assert.Equal(0.85, trust["text"]);
        Assert.Equal(1.0, trust["id"]);
        Assert.Equal(options.MinimumTrust, trust["classes"]);
    }
}
