using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Parsing;
using Xunit;

namespace Maestro.Grains.Tests.TestRuns;

public sealed class JUnitXmlParserTests
{
    private static readonly ResultParserLimits Limits = new();

    [Fact]
    public void Nested_suites_are_counted_from_the_test_cases_not_the_header()
    {
        var tests = ResultFileParser.Parse(Fixture.Read("junit-nested.xml"), ResultFormat.JUnit, Limits);

        var totals = TestStatusRules.Count(tests.Select(t => (TestStatusRules.StatusOf(t.Attempts), t.Attempts.Count)));
        Assert.Equal(new TestRunTotals(8, 4, 2, 0, 1, 1, 8, 4.0 / 7), totals);
        Assert.Equal(
            ["api.cart.adds item", "api.cart.removes item", "com.acme.PaymentTest.refunds", "com.acme.PaymentTest.charges & captures",
             "com.acme.PaymentTest.voids", "ui.LoginTest.logs in", "ui.LoginTest.logs out", "ui.LoginTest.remembers me"],
            tests.Select(t => t.TestId));
    }

    [Fact]
    public void Cdata_entities_types_durations_and_attachments_are_read()
    {
        var tests = JUnitXmlParser.Parse(Fixture.Read("junit-nested.xml"), Limits).ToDictionary(t => t.TestId);

        var removes = Assert.Single(tests["api.cart.removes item"].Attempts);
        Assert.Equal(TestOutcome.Failed, removes.Outcome);
        Assert.Equal("expected 2 but was 3", removes.Message);
        Assert.Equal("AssertionError", removes.FailureType);
        Assert.StartsWith("AssertionError: expected 2 but was 3\n    at Context.<anonymous> (cart.test.js:42:7)", removes.StackTrace, StringComparison.Ordinal);
        Assert.Equal(80, removes.DurationMs, 6);

        var refunds = Assert.Single(tests["com.acme.PaymentTest.refunds"].Attempts);
        Assert.Equal(TestOutcome.Error, refunds.Outcome);
        Assert.Equal("java.net.ConnectException", refunds.FailureType);
        Assert.Equal(["/tmp/artifacts/refunds.log"], refunds.Attachments);

        var logsOut = Assert.Single(tests["ui.LoginTest.logs out"].Attempts);
        Assert.Equal("element <button id=\"logout\"> not found", logsOut.Message);
        Assert.Equal("details of — the failure", logsOut.StackTrace);
        Assert.Equal(1_234_500, logsOut.DurationMs, 6);

        Assert.Equal(TestOutcome.Skipped, Assert.Single(tests["com.acme.PaymentTest.voids"].Attempts).Outcome);
    }

    [Fact]
    public void Surefire_flaky_elements_are_failed_attempts_before_a_pass_and_rerun_elements_are_failed_attempts()
    {
        var tests = ResultFileParser.Parse(Fixture.Read("surefire-reruns.xml"), ResultFormat.JUnit, Limits).ToDictionary(t => t.TestId);

        var totals = TestStatusRules.Count(tests.Values.Select(t => (TestStatusRules.StatusOf(t.Attempts), t.Attempts.Count)));
        Assert.Equal(new TestRunTotals(6, 1, 1, 2, 1, 1, 12, 3.0 / 5), totals);

        var coupon = tests["com.acme.CheckoutTest.appliesCoupon"].Attempts;
        Assert.Equal([TestOutcome.Failed, TestOutcome.Passed], coupon.Select(a => a.Outcome));
        Assert.Equal(TestStatus.Flaky, TestStatusRules.StatusOf(coupon));
        Assert.Equal("expected: <10> but was: <9>", coupon[0].Message);
        Assert.StartsWith("org.opentest4j.AssertionFailedError: expected: <10> but was: <9>", coupon[0].StackTrace, StringComparison.Ordinal);
        Assert.Equal(700, coupon[1].DurationMs, 6);

        var abroad = tests["com.acme.CheckoutTest.shipsAbroad"].Attempts;
        Assert.Equal([TestOutcome.Error, TestOutcome.Failed, TestOutcome.Passed], abroad.Select(a => a.Outcome));
        Assert.Equal("java.util.concurrent.TimeoutException", abroad[0].FailureType);

        var cancels = tests["com.acme.CheckoutTest.cancelsOrder"].Attempts;
        Assert.Equal([TestOutcome.Failed, TestOutcome.Failed, TestOutcome.Failed], cancels.Select(a => a.Outcome));
        Assert.Equal(TestStatus.Failed, TestStatusRules.StatusOf(cancels));

        var receipt = tests["com.acme.CheckoutTest.emailsReceipt"].Attempts;
        Assert.Equal([TestOutcome.Error, TestOutcome.Error], receipt.Select(a => a.Outcome));
        Assert.Equal("Cannot invoke \"Mailer.send()\" because \"mailer\" is null", receipt[1].Message);
    }

    [Fact]
    public void A_test_case_repeated_in_one_file_is_one_test_with_more_attempts()
    {
        const string xml = """
            <testsuite name="s">
              <testcase classname="A" name="t" time="1"><failure message="first"/></testcase>
              <testcase classname="A" name="t" time="2"/>
              <testcase classname="A" name="u" time="1"/>
            </testsuite>
            """;
        var tests = JUnitXmlParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), Limits);

        Assert.Equal(["A.t", "A.u"], tests.Select(t => t.TestId));
        Assert.Equal(TestStatus.Flaky, TestStatusRules.StatusOf(tests[0].Attempts));
        Assert.Equal([1000.0, 2000.0], tests[0].Attempts.Select(a => a.DurationMs));
    }

    [Fact]
    public void A_test_case_without_a_name_is_rejected_with_its_line()
    {
        const string xml = "<testsuites>\n  <testsuite name=\"s\">\n    <testcase name=\"ok\"/>\n    <testcase classname=\"A\" time=\"1\"/>\n  </testsuite>\n</testsuites>";

        var error = Assert.Throws<ResultParseException>(() => JUnitXmlParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), Limits));

        Assert.Equal(4, error.Line);
        Assert.Equal(6, error.Position);
        Assert.Contains("no name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_or_unreadable_time_is_rejected_with_its_position()
    {
        const string xml = "<testsuite name=\"s\">\n<testcase name=\"t\" time=\"soon\"/>\n</testsuite>";

        var error = Assert.Throws<ResultParseException>(() => JUnitXmlParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), Limits));

        Assert.Equal(2, error.Line);
        Assert.Contains("time=\"soon\"", error.Reason, StringComparison.Ordinal);
    }
}
