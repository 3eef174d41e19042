using Maestro.Grains.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>The <c>${...}</c> interpolation and the <c>when</c> condition language.</summary>
public sealed class ExpressionTests
{
    private static readonly ExpressionScope Scope = new(
        "wf-1",
        "demo",
        new Dictionary<string, string> { ["count"] = "3", ["flag"] = "false", ["shards"] = "[\"a\",\"b\"]" },
        new Dictionary<string, string> { ["REGION"] = "eu" },
        new Dictionary<string, (string, IReadOnlyDictionary<string, string>?)>
        {
            ["build"] = ("succeeded", new Dictionary<string, string> { ["version"] = "1.2.3" }),
            ["lint"] = ("skipped", new Dictionary<string, string>()),
        });

    [Fact]
    public void Interpolates_references_and_keeps_escaped_dollars()
    {
        Assert.Equal("v1.2.3 in eu for wf-1, $${x} stays ${x}", Scope.Render("v${steps.build.outputs.version} in ${env.REGION} for ${workflow.id}, $$${x} stays $${x}"));
    }

    [Theory]
    [InlineData("steps.build.status == 'succeeded' && inputs.count > 2", true)]
    [InlineData("${inputs.count} >= 4 || steps.lint.status == \"skipped\"", true)]
    [InlineData("!inputs.flag && !(inputs.count == 3)", false)]
    [InlineData("inputs.count == 3.0", true)]
    [InlineData("steps.lint.status == 'succeeded' && steps.lint.outputs.missing == 'x'", false)]
    public void Evaluates_conditions(string condition, bool expected)
    {
        Assert.Equal(expected, Scope.Evaluate(condition));
    }

    [Fact]
    public void A_missing_output_is_an_evaluation_error_naming_it()
    {
        var ex = Assert.Throws<ExpressionEvaluationException>(() => Scope.Render("${steps.lint.outputs.report}"));
        Assert.Equal("step 'lint' (skipped) has no output 'report'", ex.Message);
    }

    [Theory]
    [InlineData("inputs.count >", 14, "the condition ends where a value was expected")]
    [InlineData("inputs.count = 3", 13, "unexpected character '='")]
    [InlineData("(inputs.count == 3", 18, "expected ')'")]
    [InlineData("steps.x.color == 'red'", 0, "unknown reference 'steps.x.color'")]
    public void Reports_syntax_errors_at_their_offset(string condition, int offset, string message)
    {
        var error = ConditionExpression.Parse(condition).Error;
        Assert.NotNull(error);
        Assert.Equal(offset, error.Offset);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_errors_name_each_bad_part()
    {
        var template = ExpressionTemplate.Parse("a ${} b ${inputs} c ${env.X");
        Assert.Equal([2, 8, 20], template.Errors.Select(e => e.Offset));
    }

    [Fact]
    public void Fan_out_lists_come_from_json_arrays_or_commas()
    {
        Assert.Equal(["a", "b"], Scope.RenderList("${inputs.shards}"));
        Assert.Equal(["x", "y", "z"], Scope.RenderList("x, y,z"));
    }
}
