using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>The result file formats Maestro imports.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state).
[JsonConverter(typeof(JsonStringEnumConverter<ResultFormat>))]
public enum ResultFormat
{
    /// <summary>JUnit XML, including Maven Surefire's rerun and flaky elements.</summary>
    JUnit,

    /// <summary>Visual Studio / <c>dotnet test</c> TRX.</summary>
    Trx,

    /// <summary>Playwright's JSON reporter output.</summary>
    Playwright,
}
