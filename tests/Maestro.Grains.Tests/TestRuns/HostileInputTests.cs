using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Parsing;
using Xunit;

namespace Maestro.Grains.Tests.TestRuns;

/// <summary>Files that are broken or built to attack the parser are rejected whole, with a reason and a position.</summary>
public sealed class HostileInputTests
{
    private static readonly ResultParserLimits Limits = new();

    [Fact]
    public void A_malformed_file_is_rejected_with_the_reason_and_the_line_and_position_of_the_fault()
    {
        var error = Assert.Throws<ResultParseException>(() => ResultFileParser.Parse(Fixture.Read("malformed-junit.xml"), ResultFormat.JUnit, Limits));

        Assert.Equal(6, error.Line);
        Assert.Equal(5, error.Position);
        Assert.Contains("testsuite", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("line 6, position 5: malformed XML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("billion-laughs.xml")]
    [InlineData("external-entity.xml")]
    public void A_document_type_declaration_is_refused_so_entities_are_never_expanded_or_fetched(string file)
    {
        var error = Assert.Throws<ResultParseException>(() => ResultFileParser.Parse(Fixture.Read(file), ResultFormat.JUnit, Limits));

        Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
        Assert.Equal((2, 1), (error.Line, error.Position));
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_before_parsing()
    {
        var limits = new ResultParserLimits { MaxFileBytes = 1024 };
        var content = Fixture.Read("junit-nested.xml");

        var error = Assert.Throws<ResultParseException>(() => ResultFileParser.Parse(content, ResultFormat.JUnit, limits));

        Assert.Contains($"{content.Length} bytes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void More_tests_than_the_limit_are_rejected()
    {
        var limits = new ResultParserLimits { MaxTests = 5 };

        var error = Assert.Throws<ResultParseException>(() => ResultFileParser.Parse(Fixture.Read("junit-nested.xml"), ResultFormat.JUnit, limits));

        Assert.Contains("more than 5 tests", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_format_is_rejected_with_what_was_expected()
    {
        var error = Assert.Throws<ResultParseException>(() => ResultFileParser.Parse(Fixture.Read("junit-nested.xml"), ResultFormat.Trx, Limits));

        Assert.Contains("<TestRun>", error.Reason, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Very_long_messages_are_cut_not_kept_whole()
    {
        var limits = new ResultParserLimits { MaxTextLength = 100 };
        var xml = System.Text.Encoding.UTF8.GetBytes($"<testsuite><testcase name=\"t\"><failure message=\"{new string('x', 5000)}\"/></testcase></testsuite>");

        var attempt = Assert.Single(Assert.Single(JUnitXmlParser.Parse(xml, limits)).Attempts);

        Assert.Equal(100 + " …[truncated]".Length, attempt.Message!.Length);
    }
}
