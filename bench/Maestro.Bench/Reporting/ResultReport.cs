using Maestro.Bench.Harness;

namespace Maestro.Bench.Reporting;

/// <summary>What every benchmark prints when it is done: the heading and the table on stdout, then the JSON file.</summary>
internal static class ResultReport
{
    /// <summary>Prints the report and, unless <c>--no-json</c>, writes <c>bench/results/&lt;name&gt;-&lt;timestamp&gt;.json</c>.</summary>
    public static void Print(
        string title,
        string name,
        DateTime startedUtc,
        BenchOptions options,
        IReadOnlyList<Comparison> comparisons,
        object settings,
        IReadOnlyDictionary<string, object?>? extras = null)
    {
        var output = Console.Out;
        output.WriteLine();
        ResultFile.WriteHeading(output, title, startedUtc, options);
        output.WriteLine();
        ResultTable.Write(output, comparisons);
        output.WriteLine();
        if (options.WriteJson)
        {
            var path = ResultFile.Write(options.OutputDirectory ?? RuntimeBenchmark.DefaultOutputDirectory(), name, startedUtc, settings, comparisons, extras);
            output.WriteLine($"JSON: {path}");
        }
    }
}
