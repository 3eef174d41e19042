using System.Text;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// <c>dotnet-test</c>: runs <c>dotnet test</c> with the suite's command items as its arguments (a project, <c>-c Release</c>,
/// ...), a TRX logger writing into the attempt's artifact folder, and, for a retry, a <c>--filter</c> on the tests'
/// fully qualified names; then reads the TRX. Build servers are turned off so no process outlives the run holding its output.
/// </summary>
public sealed class DotnetTestAdapter(BoundedProcessRunner runner, IOptions<TestExecutionOptions> options, IOptions<TestResultsOptions> results)
    : ResultFileCommandAdapter(runner, options, results)
{
    public const string AdapterName = "dotnet-test";
    private const string TrxFileName = "results.trx";

    public override string Name => AdapterName;

    protected override ResultFormat Format => ResultFormat.Trx;

    /// <summary>A filter that selects exactly these tests by fully qualified name (theory arguments dropped, filter operators escaped).</summary>
    public static string FilterFor(IEnumerable<string> testIds)
    {
        ArgumentNullException.ThrowIfNull(testIds);
        return string.Join('|', testIds
            .Select(id => id.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? id[..open] : id)
            .Distinct(StringComparer.Ordinal)
            .Select(name => $"FullyQualifiedName={Escape(name)}"));
    }

    protected override IReadOnlyList<string> BuildCommand(TestSuiteSpec suite, IReadOnlyList<string>? testIds, TestAdapterContext context, string resultFile)
    {
        var command = new List<string> { Settings.DotnetPath, "test" };
        command.AddRange(suite.Command ?? []);
        command.AddRange(["--logger", $"trx;LogFileName={TrxFileName}", "--results-directory", context.ArtifactDirectory, "--disable-build-servers"]);
        if (testIds is { Count: > 0 })
        {
            command.AddRange(["--filter", FilterFor(testIds)]);
        }

        return command;
    }

    /// <summary>The TRX goes to the artifact folder, which the adapter owns; the suite's result file is not used.</summary>
    protected override string ResultFilePath(TestSuiteSpec suite, string workingDirectory, TestAdapterContext context) =>
        Path.Combine(context.ArtifactDirectory, TrxFileName);

    private static string Escape(string name)
    {
        var escaped = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
