using System.Text;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.TestRuns.Parsing;
using Xunit;

namespace Maestro.Grains.Tests.AutoRepair;

public sealed class MonitorOutputParserTests
{
    private static readonly ResultParserLimits Limits = new();

    [Fact]
    public void Jest_reports_failed_assertions_and_files_that_failed_before_any_test()
    {
        const string report = """
            {
              "numFailedTests": 1, "numPassedTests": 1, "success": false,
              "testResults": [
                {
                  "name": "/work/shop/src/cart.test.js", "status": "failed", "message": "",
                  "assertionResults": [
                    { "ancestorTitles": ["cart"], "title": "adds an item", "fullName": "cart adds an item", "status": "passed", "failureMessages": [] },
                    { "ancestorTitles": ["cart"], "title": "totals", "fullName": "cart totals", "status": "failed",
                      "failureMessages": ["Error: expect(received).toBe(expected)\n\nExpected: 30\nReceived: 25"],
                      "location": { "line": 14, "column": 5 } }
                  ]
                },
                {
                  "name": "/work/shop/src/price.test.js", "status": "failed",
                  "message": "Cannot find module './currency' from 'src/price.test.js'",
                  "assertionResults": []
                },
                { "name": "/work/shop/src/ok.test.js", "status": "passed", "message": "", "assertionResults": [] }
              ]
            }
            """;

        var findings = JestJsonReportParser.Parse(Encoding.UTF8.GetBytes(report), Limits);

        Assert.Equal(
            [
                new MonitorFinding(FindingKind.TestFailure, "/work/shop/src/cart.test.js", 14, 5, "cart totals", "Error: expect(received).toBe(expected)\n\nExpected: 30\nReceived: 25"),
                new MonitorFinding(FindingKind.TestFailure, "/work/shop/src/price.test.js", null, null, "/work/shop/src/price.test.js", "Cannot find module './currency' from 'src/price.test.js'"),
            ],
            findings);
    }

    [Fact]
    public void Jest_output_of_the_wrong_shape_is_rejected_with_its_path()
    {
        var error = Assert.Throws<ResultParseException>(() =>
            JestJsonReportParser.Parse("""{ "testResults": [ { "name": "a.test.js", "assertionResults": [ 42 ] } ] }"""u8.ToArray(), Limits));

        Assert.Equal("$.testResults[0].assertionResults[0]", error.Path);
        Assert.Contains("expected object, found number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_rejected_with_line_and_position()
    {
        var error = Assert.Throws<ResultParseException>(() => JestJsonReportParser.Parse("{\n  \"testResults\": [ oops ]\n}"u8.ToArray(), Limits));

        Assert.Equal(2, error.Line);
        Assert.Equal(20, error.Position); // the "o" of oops
    }

    [Fact]
    public void Eslint_keeps_errors_not_warnings_and_names_parse_errors()
    {
        const string report = """
            [
              { "filePath": "/work/shop/src/cart.js", "errorCount": 1, "warningCount": 1, "messages": [
                  { "ruleId": "no-unused-vars", "severity": 2, "message": "'total' is assigned a value but never used.", "line": 3, "column": 7 },
                  { "ruleId": "prefer-const", "severity": 1, "message": "'x' is never reassigned.", "line": 5, "column": 5 } ] },
              { "filePath": "/work/shop/src/broken.js", "errorCount": 1, "messages": [
                  { "ruleId": null, "fatal": true, "severity": 2, "message": "Parsing error: Unexpected token )", "line": 9, "column": 12 } ] },
              { "filePath": "/work/shop/src/clean.js", "errorCount": 0, "messages": [] }
            ]
            """;

        var findings = EslintJsonReportParser.Parse(Encoding.UTF8.GetBytes(report), Limits);

        Assert.Equal(
            [
                new MonitorFinding(FindingKind.LintError, "/work/shop/src/cart.js", 3, 7, "no-unused-vars", "'total' is assigned a value but never used."),
                new MonitorFinding(FindingKind.LintError, "/work/shop/src/broken.js", 9, 12, "parse-error", "Parsing error: Unexpected token )"),
            ],
            findings);
    }

    [Fact]
    public void Msbuild_errors_are_read_once_although_the_summary_repeats_them()
    {
        const string output = """
              Determining projects to restore...
              All projects are up-to-date for restore.
            /work/shop/Cart.cs(12,31): error CS1002: ; expected [/work/shop/Shop.csproj]
            /work/shop/Cart.cs(20,9): warning CS0168: The variable 'e' is declared but never used [/work/shop/Shop.csproj]
            /work/shop/Price.cs(3,7): error CS0246: The type or namespace name 'Money' could not be found (are you missing a using directive or an assembly reference?) [/work/shop/Shop.csproj]

            Build FAILED.

            /work/shop/Cart.cs(12,31): error CS1002: ; expected [/work/shop/Shop.csproj]
            /work/shop/Price.cs(3,7): error CS0246: The type or namespace name 'Money' could not be found (are you missing a using directive or an assembly reference?) [/work/shop/Shop.csproj]
                1 Warning(s)
                2 Error(s)
            """;

        var findings = CompilerDiagnosticsParser.Parse(output, FindingKind.BuildError, Limits);

        Assert.Equal(
            [
                new MonitorFinding(FindingKind.BuildError, "/work/shop/Cart.cs", 12, 31, "CS1002", "; expected"),
                new MonitorFinding(FindingKind.BuildError, "/work/shop/Price.cs", 3, 7, "CS0246", "The type or namespace name 'Money' could not be found (are you missing a using directive or an assembly reference?)"),
            ],
            findings);
    }

    [Fact]
    public void Typescript_errors_are_read_from_tsc_plain_output()
    {
        const string output = """
            src/cart.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.
            src/api/client.ts(40,18): error TS2339: Property 'totl' does not exist on type 'Order'.

            Found 2 errors in 2 files.
            """;

        var findings = CompilerDiagnosticsParser.Parse(output, FindingKind.TypeError, Limits);

        Assert.Equal(
            [
                new MonitorFinding(FindingKind.TypeError, "src/cart.ts", 12, 7, "TS2322", "Type 'string' is not assignable to type 'number'."),
                new MonitorFinding(FindingKind.TypeError, "src/api/client.ts", 40, 18, "TS2339", "Property 'totl' does not exist on type 'Order'."),
            ],
            findings);
    }

    [Fact]
    public void Only_tests_whose_last_attempt_failed_are_findings()
    {
        static TestAttempt Attempt(TestOutcome outcome, string? message = null, string? type = null) => new(outcome, 10, message, null, type, []);
        TestCaseResult[] tests =
        [
            new("shop.CartTests.Totals", [Attempt(TestOutcome.Failed, "Expected 30 but was 25", "Xunit.Sdk.EqualException")]),
            new("shop.CartTests.Adds", [Attempt(TestOutcome.Failed, "timeout"), Attempt(TestOutcome.Passed)]),
            new("shop.PriceTests.Rounds", [Attempt(TestOutcome.Error, "No module named 'money'")]),
            new("shop.PriceTests.Skips", [Attempt(TestOutcome.Skipped, "not on CI")]),
        ];

        var findings = TestResultFindings.From(tests);

        Assert.Equal(
            [
                new MonitorFinding(FindingKind.TestFailure, null, null, null, "shop.CartTests.Totals", "Xunit.Sdk.EqualException: Expected 30 but was 25"),
                new MonitorFinding(FindingKind.TestFailure, null, null, null, "shop.PriceTests.Rounds", "No module named 'money'"),
            ],
            findings);
    }
}
