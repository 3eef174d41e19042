using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>Parsing and validation of workflow YAML: every problem at once, each at its exact line and column.</summary>
public sealed class DefinitionValidationTests
{
    [Fact]
    public void Reports_every_problem_with_its_file_line_and_column()
    {
        const string yaml = """
            name: broken
            steps:
              - id: build
                process:
                  command: make
                  argz: [all]
              - id: test
                depends: [build, lint]
                when: "steps.build.status == "
                http:
                  url: http://127.0.0.1/${steps.nope.outputs.x}
            """;

        var (definition, errors) = WorkflowDefinitionLoader.Load(yaml, "broken.yaml");

        Assert.Null(definition);
        Assert.Collection(
            errors,
            e => Assert.Equal(("broken.yaml", 6, 7), (e.File, e.Line, e.Column)),
            e => Assert.Equal((8, 22), (e.Line, e.Column)),
            e => Assert.Equal((9, 34), (e.Line, e.Column)),
            e => Assert.Equal((11, 29), (e.Line, e.Column)));
        Assert.Contains("unknown key 'argz'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown step 'lint'", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("bad 'when' condition", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("unknown step 'nope'", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_cycle_at_the_step_where_it_closes()
    {
        const string yaml = """
            name: cyclic
            steps:
              - id: a
                depends: [c]
                wait: {duration: 1s}
              - id: b
                depends: [a]
                wait: {duration: 1s}
              - id: c
                depends: [b]
                wait: {duration: 1s}
            """;

        var (_, errors) = WorkflowDefinitionLoader.Load(yaml, "cyclic.yaml");

        var error = Assert.Single(errors);
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Equal("the steps form a cycle: a -> b -> c -> a", error.Message);
    }

    [Fact]
    public void Reports_missing_fields_bad_values_and_two_kinds_in_one_step()
    {
        const string yaml = """
            name: wrong
            timeout: soon
            steps:
              - id: fetch
                http:
                  method: FETCH
              - id: run
                retry: {maxAttempts: 0}
                process: {command: ls, args: "-l -a"}
                wait: {duration: 1s}
              - process: {command: ls}
            """;

        var (_, errors) = WorkflowDefinitionLoader.Load(yaml, "wrong.yaml");

        Assert.Equal(
            [
                (2, 10, "'timeout' must be a positive duration such as 250ms, 30s, 5m or 2h, not 'soon'"),
                (6, 7, "missing required key 'url' in 'http' of step 'fetch'"),
                (6, 15, "'method' of step 'fetch' must be GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS"),
                (8, 26, "'maxAttempts' must be a whole number from 1 to 100, not '0'"),
                (9, 34, "'args' of step 'run' must be a list, one argument per item"),
                (10, 5, "step 'run' has more than one kind ('process' and 'wait'); a step does one thing"),
                (11, 5, "missing required key 'id' in a step"),
            ],
            errors.Select(e => (e.Line, e.Column, e.Message)).OrderBy(e => e.Line).ToArray());
    }

    [Fact]
    public void Reports_broken_yaml_at_the_place_the_parser_stopped()
    {
        const string yaml = "name: x\nsteps:\n  - id: a\n    wait: {duration: 1s\n";

        var (_, errors) = WorkflowDefinitionLoader.Load(yaml, "syntax.yaml");

        var error = Assert.Single(errors);
        Assert.Equal("syntax.yaml", error.File);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 4, $"the error is at or after the unclosed mapping on line 4, not at {error.Line}:{error.Column}");
    }

    [Fact]
    public void Rejects_references_a_step_cannot_read()
    {
        const string yaml = """
            name: refs
            inputs:
              target: {required: true}
            env:
              REGION: eu
            steps:
              - id: a
                process: {command: echo, args: ["${inputs.target}", "${env.REGION}", "${inputs.other}", "${env.HOME}"]}
              - id: b
                process: {command: echo, args: ["${steps.a.outputs.stdout}", "${item}", "${steps.b.status}"]}
            """;

        var (_, errors) = WorkflowDefinitionLoader.Load(yaml, "refs.yaml");

        Assert.Equal(
            [
                "'inputs.other' reads input 'other', which 'inputs' does not declare in step 'a'",
                "'env.HOME' reads env 'HOME', which 'env' does not declare in step 'a'",
                "'steps.a.outputs.stdout' reads step 'a', which step 'b' does not depend on (add it to 'depends') in step 'b'",
                "'item' is only defined inside a step with 'forEach' in step 'b'",
                "'steps.b.status': a step cannot read its own status or outputs in step 'b'",
            ],
            errors.Select(e => e.Message).ToArray());
        Assert.Equal((8, 75), (errors[0].Line, errors[0].Column));
    }

    [Fact]
    public void The_old_test_kind_is_an_unknown_key_and_test_suite_is_the_kind_that_runs_a_suite()
    {
        const string yaml = """
            name: suite
            steps:
              - id: tests
                test: {}
            """;

        var (_, errors) = WorkflowDefinitionLoader.Load(yaml, "suite.yaml");

        Assert.Equal(
            [
                "suite.yaml:3:5: step 'tests' has no kind: add one of http, process, wait, approval, publish, workflow, test-suite",
                "suite.yaml:4:5: unknown key 'test' in a step; expected one of: id, description, depends, when, optional, timeout, retry, forEach, maxParallel, http, process, wait, approval, publish, workflow, test-suite",
            ],
            errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void A_valid_definition_loads_with_every_control()
    {
        const string yaml = """
            name: full
            timeout: 10m
            inputs:
              branch: main
              shards: {required: true}
            env:
              REGION: eu
            outputs:
              result: ${steps.report.outputs.stdout}
            steps:
              - id: build
                retry: {maxAttempts: 4, initialInterval: 250ms, factor: 3, maxInterval: 5s, jitter: false}
                timeout: 30s
                process: {command: make, args: ["${inputs.branch}"], env: {REGION: "${env.REGION}"}}
              - id: shard
                depends: build
                forEach: ${inputs.shards}
                maxParallel: 2
                http: {method: post, url: "http://127.0.0.1:1/${item}", expectStatus: [200, 202], body: "{}"}
              - id: gate
                depends: [shard]
                optional: true
                when: steps.shard.status == 'succeeded' && ${inputs.branch} != 'dev'
                approval: {prompt: "ship it?"}
              - id: report
                depends: [gate]
                process: {command: echo, args: [done]}
            """;

        var (definition, errors) = WorkflowDefinitionLoader.Load(yaml, "full.yaml");

        Assert.Empty(errors);
        Assert.NotNull(definition);
        Assert.Equal(TimeSpan.FromMinutes(10), definition.Timeout);
        var build = definition.Steps[0];
        Assert.Equal(new RetryDefinition(4, TimeSpan.FromMilliseconds(250), 3, TimeSpan.FromSeconds(5), false), build.Retry);
        var shard = definition.Steps[1];
        Assert.Equal(("POST", 2), (((HttpStepSpec)shard.Spec).Method, shard.MaxParallel));
        Assert.True(definition.Steps[2].Optional);
        Assert.Equal(["build", "shard", "gate", "report"], new WorkflowGraph(definition.Steps).TopologicalOrder());
    }
}
