using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>The machine-readable output a monitor's command produces, and so how its findings are read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonitorOutput>))]
public enum MonitorOutput
{
    /// <summary>A TRX file (<c>dotnet test --logger trx</c>) at the monitor's result file.</summary>
    Trx,

    /// <summary>A JUnit XML file (<c>pytest --junitxml</c>, Maven, Gradle) at the monitor's result file.</summary>
    JUnit,

    /// <summary>Jest's <c>--json</c> report (<c>npm test -- --json --outputFile=...</c>) at the monitor's result file.</summary>
    JestJson,

    /// <summary>ESLint's <c>--format json</c> report at the monitor's result file.</summary>
    EslintJson,

    /// <summary>Compiler diagnostics in the command's own output (<c>dotnet build</c>, <c>tsc --pretty false</c>).</summary>
    Diagnostics,

    /// <summary>
    /// Browser journeys: the monitor's result file is a journeys file (YAML) of the project, run in the silo by the
    /// journey adapter its command names (<c>["playwright"]</c> or <c>["selenium"]</c>) with locator healing. A
    /// journey that fails, or passes only because a locator was healed during the run, is a finding.
    /// </summary>
    Journeys,
}
