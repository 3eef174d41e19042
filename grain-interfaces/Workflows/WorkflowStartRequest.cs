namespace Maestro.GrainInterfaces.Workflows;

/// <summary>
/// What to run: the YAML definition (validated before anything runs), the file name used in error positions, the
/// values of the definition's inputs, and overrides of its declared <c>env</c> values.
/// </summary>
public sealed record WorkflowStartRequest(
    string Yaml,
    string FileName,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Env);
