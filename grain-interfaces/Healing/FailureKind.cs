using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Healing;

/// <summary>What went wrong, as the classifier reads the failure. There is no "flaky" fallback: unknown stays unknown.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureKind>))]
public enum FailureKind
{
    Unknown,
    LocatorNotFound,
    LocatorAmbiguous,
    Timeout,
    AssertionMismatch,
    Flaky,
    ServiceUnavailable,
    MissingDependency,
    ApiContractChanged,
    DefinitionSyntax,
}
