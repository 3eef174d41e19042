using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>A real <c>dotnet test</c> of a one-test xunit project the test writes, restored from the same feed as this solution.</summary>
public sealed class DotnetTestRunTests : IAsyncLifetime
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
            <IsTestProject>true</IsTestProject>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
            <PackageReference Include="xunit.v3" Version="3.2.2" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
        </Project>
        """;

    private const string Tests = """
        namespace Tiny;

        public sealed class MathTests
        {
            [Xunit.Fact]
            public void Adds() => Xunit.Assert.Equal(4, 2 + 2);
        }
        """;

    private ExecutionCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await ExecutionCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Dotnet_test_runs_the_project_and_its_trx_is_the_runs_result()
    {
        cluster.Workspace.Write("tiny/Tiny.Tests.csproj", Project);
        cluster.Workspace.Write("tiny/MathTests.cs", Tests);
        var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1" };
        var suite = new TestSuiteSpec("tiny", DotnetTestAdapter.AdapterName, null, ["Tiny.Tests.csproj", "-c", "Release"], "tiny", null, null, environment, 900);

        await cluster.StartRunAsync("dotnet-1", suite);
        var done = await Eventually.WaitForAsync(
            async () => (await cluster.Grains.GetGrain<ITestRunExecutionGrain>("dotnet-1").GetExecution())!,
            e => e.Status is TestRunExecutionStatus.Completed or TestRunExecutionStatus.Failed,
            "dotnet test to end",
            TimeSpan.FromMinutes(10));

        var report = await cluster.ReportAsync("dotnet-1");
        var test = Assert.Single(report.Tests);
        var artifacts = Path.Combine(cluster.Workspace.Artifacts, "dotnet-1", "shard-0", "attempt-1");
        Assert.True(test.Status == TestStatus.Passed, $"{test.TestId} {test.Status}: {test.Attempts[0].Message}\n{test.Attempts[0].StackTrace}");
        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        Assert.Equal("Tiny.MathTests.Adds", test.TestId);
        Assert.Equal(new TestRunMetadata("tiny", "dotnet-test", "ci", "main", "c0ffee"), report.Metadata);
        Assert.Contains(Path.Combine(artifacts, "results.trx"), test.Attempts[0].Attachments);
        Assert.Contains(Path.Combine(artifacts, ResultFileCommandAdapter.LogFileName), test.Attempts[0].Attachments);
    }

    [Fact]
    public void A_retry_filter_selects_tests_by_fully_qualified_name_with_operators_escaped()
    {
        var filter = DotnetTestAdapter.FilterFor(["Ns.Math.Adds", "Ns.Math.Divides(a: 1, b: 0)", "Ns.Math.Divides(a: 2, b: 0)", "Ns.Odd.Name|With=Ops"]);

        Assert.Equal(@"FullyQualifiedName=Ns.Math.Adds|FullyQualifiedName=Ns.Math.Divides|FullyQualifiedName=Ns.Odd.Name\|With\=Ops", filter);
    }
}
