using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>What sort of check a monitor ran when it found a problem.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state, stream events).
[JsonConverter(typeof(JsonStringEnumConverter<FindingKind>))]
public enum FindingKind
{
    /// <summary>A test failed or errored (test commands: <c>dotnet test</c>, <c>npm test</c>, <c>pytest</c>).</summary>
    TestFailure,

    /// <summary>The build reported an error (<c>dotnet build</c>).</summary>
    BuildError,

    /// <summary>The type checker reported an error (<c>tsc</c>).</summary>
    TypeError,

    /// <summary>The linter reported an error-severity problem (ESLint's JSON formatter).</summary>
    LintError,
}
