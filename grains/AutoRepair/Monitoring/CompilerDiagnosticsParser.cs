using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// The diagnostics MSBuild (<c>dotnet build</c>) and the TypeScript compiler (<c>tsc --pretty false</c>) print, one
/// per line in the same canonical form: <c>path(line,col): error CODE: message</c>, MSBuild adding
/// <c> [project]</c>. Only errors are findings. MSBuild repeats every error in its summary, so repeats are dropped.
/// </summary>
public static partial class CompilerDiagnosticsParser
{
    public static IReadOnlyList<MonitorFinding> Parse(string output, FindingKind kind, ResultParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(limits);
        var findings = new List<MonitorFinding>();
        var seen = new HashSet<(string File, int Line, int Column, string Code)>();
        foreach (var line in output.AsSpan().EnumerateLines())
        {
            if (Diagnostic().Match(line.ToString()) is not { Success: true } match)
            {
                continue;
            }

            var file = match.Groups["file"].Value.Trim();
            var lineNumber = int.Parse(match.Groups["line"].ValueSpan, provider: null);
            var column = int.Parse(match.Groups["column"].ValueSpan, provider: null);
            var code = match.Groups["code"].Value;
            if (!seen.Add((file, lineNumber, column, code)))
            {
                continue;
            }

            findings.Add(new MonitorFinding(kind, file, lineNumber, column, code, limits.Cut(match.Groups["message"].Value)));
            if (findings.Count > limits.MaxTests)
            {
                throw new ResultParseException($"the output has more than {limits.MaxTests} errors");
            }
        }

        return findings;
    }

    // Line and column are bounded to 9 digits so a hostile line cannot overflow int.Parse.
    [GeneratedRegex(@"^\s*(?<file>[^(\r\n]+)\((?<line>\d{1,9}),(?<column>\d{1,9})(?:,\d{1,9},\d{1,9})?\)\s*:\s*error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]+\])?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Diagnostic();
}
