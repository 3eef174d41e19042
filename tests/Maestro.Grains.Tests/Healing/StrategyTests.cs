using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.Healing;
using Maestro.GrainInterfaces.Registry;
using Maestro.Grains.Healing.Strategies;

namespace Maestro.Grains.Tests.Healing;

/// <summary>The non-locator strategies and the classifier, on error texts as the frameworks write them.</summary>
public sealed class StrategyTests
{
    private static readonly StrategyOptions Options = new();

    private static HealingFailure Failure(string message, string? definition = null, string? service = null, IReadOnlyDictionary<string, string>? observed = null) =>
        new("web", "checkout", message, Definition: definition, Service: service, Observed: observed);

    [Theory]
    [InlineData("TimeoutError: locator.click: Timeout 30000ms exceeded.\nCall log:\n  - waiting for getByRole('button', { name: 'Pay' })", FailureKind.Timeout)]
    [InlineData("System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", FailureKind.Timeout)]
    [InlineData("OpenQA.Selenium.WebDriverTimeoutException : Timed out after 10 seconds", FailureKind.Timeout)]
    [InlineData("Assert.Equal() Failure: Strings differ\n           ↓ (pos 8)\nExpected: \"Total: $10.00\"\nActual:   \"Total: $12.00\"\n           ↑ (pos 8)", FailureKind.AssertionMismatch)]
    [InlineData("  Expected: \"Welcome back\"\n  But was:  \"Welcome back, Ada\"", FailureKind.AssertionMismatch)]
    [InlineData("ModuleNotFoundError: No module named 'yaml'", FailureKind.MissingDependency)]
    [InlineData("Error: Cannot find module 'lodash/fp'\nRequire stack:\n- /app/tests/cart.spec.js", FailureKind.MissingDependency)]
    [InlineData("tests/Api.cs(3,7): error CS0246: The type or namespace name 'Newtonsoft' could not be found (are you missing a using directive or an assembly reference?)", FailureKind.MissingDependency)]
    [InlineData("System.Net.Http.HttpRequestException: Connection refused (localhost:5080)", FailureKind.ServiceUnavailable)]
    [InlineData("page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:3000/", FailureKind.ServiceUnavailable)]
    [InlineData("KeyError: 'userName'", FailureKind.ApiContractChanged)]
    [InlineData("System.Collections.Generic.KeyNotFoundException: The given key 'userName' was not present in the dictionary.", FailureKind.ApiContractChanged)]
    [InlineData("System.NullReferenceException: Object reference not set to an instance of an object.", FailureKind.Unknown)]
    public void Failures_are_classified_from_their_text_and_unknown_stays_unknown(string message, FailureKind expected) =>
        Assert.Equal(expected, FailureClassifier.Classify(Failure(message)).Kind);

    [Fact]
    public void A_timeout_is_raised_from_observed_durations_only_when_the_test_runs_close_to_it()
    {
        const string definition = "name: checkout\ntimeout: 5000\nsteps:\n  - goto: /\n";
        var slow = new DurationStatistics(25, 4200, 4300, 4800, 5100);
        var hanging = new DurationStatistics(25, 900, 850, 1200, 1300);
        var message = "TimeoutError: page.goto: Timeout 5000ms exceeded.";

        var raised = TimingHealer.Heal(Failure(message, definition), slow, Options);
        var refused = TimingHealer.Heal(Failure(message, definition), hanging, Options);
        var tooFew = TimingHealer.Heal(Failure(message, definition), slow with { Count = 3 }, Options);

        Assert.Equal("8000", raised.Fix!.Replacement);
        Assert.Equal(0.95, raised.Fix.Confidence);
        Assert.Contains("-timeout: 5000\n+timeout: 8000\n", raised.Fix.Patch, StringComparison.Ordinal);
        Assert.Null(refused.Fix);
        Assert.Contains(refused.Notes, n => n.Contains("hanging, not slow", StringComparison.Ordinal));
        Assert.Null(tooFew.Fix);
        Assert.Contains(tooFew.Notes, n => n.Contains("Only 3 observed runs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expected_value_is_updated_only_after_consecutive_runs_saw_the_same_new_value_and_never_without_review()
    {
        const string message = "Expected string: \"Total: $10.00\"\nReceived string: \"Total: $12.00\"";
        const string definition = "steps:\n  - expect-text: \"Total: $10.00\"\n";

        var strong = AssertionUpdateHealer.Heal(Failure(message, definition), [message, message, null], Options);
        var weak = AssertionUpdateHealer.Heal(Failure(message, definition), [message, "Expected string: \"Total: $10.00\"\nReceived string: \"Total: $11.00\""], Options);

        Assert.Equal("Total: $12.00", strong.Fix!.Replacement);
        Assert.Equal(HealingDecision.ApplyAndReview, Maestro.Grains.Healing.ConfidencePolicy.Decide(strong.Fix.Confidence, new()));
        Assert.Contains("+  - expect-text: \"Total: $12.00\"", strong.Fix.Patch, StringComparison.Ordinal);
        Assert.Null(weak.Fix);
        Assert.Contains(weak.Notes, n => n.Contains("2 consecutive run(s)", StringComparison.Ordinal));
        Assert.Equal(new AssertionValues("Total: $10.00", "Total: $12.00"), AssertionUpdateHealer.Parse("E       AssertionError: assert 'Total: $12.00' == 'Total: $10.00'"));
    }

    [Fact]
    public void A_flaky_test_is_retried_or_quarantined_by_its_failure_rate_and_a_broken_one_is_left_alone()
    {
        FlakyVerdict Verdict(FlakyClassification c, double rate) =>
            new(c, 20, 0, ["c7"], 0.4, 0.35, rate, ["passed and failed on commit c7", "flip rate 0.40 ≥ 0.30"]);

        var retry = FlakyStabiliser.Heal(Failure("boom"), Verdict(FlakyClassification.Flaky, 0.15), Options);
        var quarantine = FlakyStabiliser.Heal(Failure("boom"), Verdict(FlakyClassification.Flaky, 0.45), Options);
        var broken = FlakyStabiliser.Heal(Failure("boom"), Verdict(FlakyClassification.Broken, 1), Options);

        Assert.Equal(("retries: 2", 0.9), (retry.Fix!.Replacement, retry.Fix.Confidence));
        Assert.Equal("quarantine", quarantine.Fix!.Replacement);
        Assert.Equal(HealingDecision.ProposeOnly, Maestro.Grains.Healing.ConfidencePolicy.Decide(quarantine.Fix.Confidence, new()));
        Assert.Null(broken.Fix);
        Assert.Contains(broken.Notes, n => n.Contains("not flakiness", StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_the_registry_reports_down_is_waited_for_when_recent_and_fails_fast_when_long_down()
    {
        var now = DateTimeOffset.Parse("2026-11-21T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        ServiceSnapshot Snapshot(ServiceStatus status, TimeSpan since) => new(
            new ServiceRegistration("payments", "1.4.0", "http://127.0.0.1:5080", "/health", [], new Dictionary<string, string>(), 5080),
            status, now.AddHours(-5), now, now.AddMinutes(1), now - since, null, 3);
        var failure = Failure("HttpRequestException: Connection refused (127.0.0.1:5080)", service: "payments");

        var wait = EnvironmentHealer.Heal(failure, Snapshot(ServiceStatus.Unhealthy, TimeSpan.FromSeconds(40)), now, Options);
        var failFast = EnvironmentHealer.Heal(failure, Snapshot(ServiceStatus.Expired, TimeSpan.FromMinutes(30)), now, Options);
        var up = EnvironmentHealer.Heal(failure, Snapshot(ServiceStatus.Healthy, TimeSpan.FromMinutes(30)), now, Options);

        Assert.Equal("wait-for-service payments 120s", wait.Fix!.Replacement);
        Assert.Contains(wait.Fix.Evidence, e => e.Contains("is Unhealthy since", StringComparison.Ordinal));
        Assert.Equal("fail-fast payments", failFast.Fix!.Replacement);
        Assert.Null(up.Fix);
    }

    [Theory]
    [InlineData("ModuleNotFoundError: No module named 'yaml'", "python -m pip install PyYAML")]
    [InlineData("E   ModuleNotFoundError: No module named 'requests.adapters'", "python -m pip install requests")]
    [InlineData("Error: Cannot find module '@playwright/test/reporter'", "npm install --save-dev @playwright/test")]
    [InlineData("error NU1101: Unable to find package Polly.Contrib.WaitAndRetry. No packages exist with this id in source(s): nuget.org", "dotnet add package Polly.Contrib.WaitAndRetry")]
    [InlineData("System.IO.FileNotFoundException: Could not load file or assembly 'Dapper, Version=2.1.0.0, Culture=neutral'", "dotnet add package Dapper")]
    public void A_missing_package_becomes_its_install_command(string message, string command) =>
        Assert.Equal(command, DependencyHealer.Heal(Failure(message)).Fix!.Replacement);

    [Fact]
    public void A_relative_module_is_the_projects_own_file_not_a_package() =>
        Assert.Null(DependencyHealer.Heal(Failure("Error: Cannot find module './helpers/login'")).Fix);

    [Fact]
    public void A_renamed_json_field_is_followed_by_name_similarity_and_an_ambiguous_or_absent_one_is_not()
    {
        const string response = """{"id": 7, "user_name": "ada", "email": "ada@example.com", "created": "2026-01-01"}""";
        const string definition = "steps:\n  - expect-json: { path: $.userName, equals: ada }\n";

        var renamed = ApiContractHealer.Heal(Failure("KeyError: 'userName'", definition, observed: new Dictionary<string, string> { ["response"] = response }), Options);
        var ambiguous = ApiContractHealer.Heal(Failure("KeyError: 'name'", observed: new Dictionary<string, string> { ["response"] = """{"first_name": "a", "last_name": "b"}""" }), Options);
        var unrelated = ApiContractHealer.Heal(Failure("KeyError: 'total'", observed: new Dictionary<string, string> { ["response"] = response }), Options);

        Assert.Equal("user_name", renamed.Fix!.Replacement);
        Assert.Equal(0.95, renamed.Fix.Confidence);
        Assert.Contains("+  - expect-json: { path: $.user_name, equals: ada }", renamed.Fix.Patch, StringComparison.Ordinal);
        Assert.Null(ambiguous.Fix);
        Assert.Contains(ambiguous.Notes, n => n.StartsWith("Ambiguous", StringComparison.Ordinal));
        Assert.Null(unrelated.Fix);
    }

    [Fact]
    public void A_definition_with_tab_indentation_or_an_unclosed_quote_is_repaired_and_checked_by_parsing()
    {
        const string tabs = "name: login\nsteps:\n\t- goto: /login\n\t- click: id=go\n";
        const string quote = "name: login\nsteps:\n  - goto: /login\n  - click: \"id=go\n  - expect-text: Welcome\n";
        const string hopeless = "name: login\nsteps: [a, b\n  - : : :\n";

        var tabFix = DefinitionSyntaxHealer.Heal(Failure("journey did not load", tabs));
        var quoteFix = DefinitionSyntaxHealer.Heal(Failure("journey did not load", quote));
        var none = DefinitionSyntaxHealer.Heal(Failure("journey did not load", hopeless));

        Assert.Contains("-\t- goto: /login\n-\t- click: id=go\n+  - goto: /login\n+  - click: id=go\n", tabFix.Fix!.Patch, StringComparison.Ordinal);
        Assert.True(tabFix.Notes[0].StartsWith("Parse error at line 3", StringComparison.Ordinal), tabFix.Notes[0]);
        Assert.Equal("Close the double quote opened on line 4", quoteFix.Fix!.Description);
        Assert.Contains("+  - click: \"id=go\"\n", quoteFix.Fix.Patch, StringComparison.Ordinal);
        Assert.Null(none.Fix);
        Assert.Contains(none.Notes, n => n.StartsWith("No known simple repair", StringComparison.Ordinal));
        Assert.Equal(FailureKind.DefinitionSyntax, FailureClassifier.Classify(Failure("journey did not load", tabs)).Kind);
    }

    [Fact]
    public void A_hostile_definition_line_is_reported_with_its_position_not_repaired()
    {
        var hostile = "name: login\nsteps:\n  - click: \"" + new string(' ', 200_000) + "id=go\n";

        var result = DefinitionSyntaxHealer.Heal(Failure("journey did not load", hostile));

        Assert.Null(result.Fix);
        Assert.StartsWith("Parse error at line", result.Notes[0], StringComparison.Ordinal);
        Assert.StartsWith("No known simple repair", result.Notes[1], StringComparison.Ordinal);
    }
}
