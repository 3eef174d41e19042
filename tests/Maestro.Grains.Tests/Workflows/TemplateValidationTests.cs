using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>Template parameters: declared, typed, used, and errors reported at the template's own positions.</summary>
public sealed class TemplateValidationTests
{
    [Fact]
    public void Reports_bad_parameter_declarations_and_undeclared_placeholders()
    {
        const string yaml = """
            name: deploy-{{ENV}}
            steps:
              - id: push
                process: {command: deploy, args: ["{{ ENV }}", "{{REGION}}", "{{bad name}}"]}
            """;
        var registration = new TemplateRegistration(
            yaml,
            [
                new TemplateParameter("ENV", "string", null, null),
                new TemplateParameter("RETRIES", "int", "three", null),
                new TemplateParameter("RATIO", "float", null, null),
                new TemplateParameter("UNUSED", "string", "x", null),
            ],
            null);

        var errors = TemplateValidator.ValidateRegistration("deploy", registration);

        Assert.Equal(
            [
                ("deploy.parameters", 2, 1, "the default of parameter 'RETRIES': 'three' is not a whole number"),
                ("deploy.parameters", 3, 1, "parameter 'RATIO' has type 'float'; expected one of string, int, bool, duration"),
                ("deploy.yaml", 4, 67, "'{{bad name}}' is not a parameter: names are letters, digits and '_', starting with a letter or '_'"),
                ("deploy.yaml", 4, 53, "'{{REGION}}' is not a declared parameter"),
                ("deploy.parameters", 2, 1, "parameter 'RETRIES' is declared but the template never uses it"),
                ("deploy.parameters", 3, 1, "parameter 'RATIO' is declared but the template never uses it"),
                ("deploy.parameters", 4, 1, "parameter 'UNUSED' is declared but the template never uses it"),
            ],
            errors.Select(e => (e.File, e.Line, e.Column, e.Message)).ToArray());
    }

    [Fact]
    public void Workflow_errors_in_a_template_point_at_the_template_text()
    {
        const string yaml = """
            name: chain
            steps:
              - id: push
                wait: {duration: 1s}
              - id: check
                depends: [{{DEP}}, ghost]
                wait: {duration: {{PAUSE}}}
            """;
        var registration = new TemplateRegistration(yaml, [new TemplateParameter("DEP", "string", "push", null), new TemplateParameter("PAUSE", "duration", null, null)], null);

        var errors = TemplateValidator.ValidateRegistration("chain", registration);

        var error = Assert.Single(errors);
        Assert.Equal(("chain.yaml", 6, 24, "step 'check' depends on unknown step 'ghost'"), (error.File, error.Line, error.Column, error.Message));
    }

    [Fact]
    public void Rendering_checks_values_and_fills_defaults()
    {
        var version = new TemplateVersion(
            "sleepy",
            2,
            "name: sleepy\nsteps:\n  - id: nap\n    wait: {duration: {{PAUSE}}}\n",
            [new TemplateParameter("PAUSE", "duration", "1s", null)],
            null,
            DateTimeOffset.UnixEpoch);

        var (yaml, errors) = TemplateValidator.Render(version, new Dictionary<string, string>());
        Assert.Empty(errors);
        Assert.Contains("{duration: 1s}", yaml, StringComparison.Ordinal);

        (yaml, errors) = TemplateValidator.Render(version, new Dictionary<string, string> { ["PAUSE"] = "forever", ["EXTRA"] = "1" });
        Assert.Null(yaml);
        Assert.Equal(
            ["template 'sleepy' has no parameter 'EXTRA'", "parameter 'PAUSE': 'forever' is not a duration such as 250ms, 30s, 5m or 2h"],
            errors.Select(e => e.Message));

        (_, errors) = TemplateValidator.Render(version, new Dictionary<string, string> { ["PAUSE"] = "1s}\n  - id: injected" });
        Assert.Equal("parameter 'PAUSE': values cannot hold line breaks or other control characters", Assert.Single(errors).Message);
    }
}
