using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Api.Model;

/// <summary>Whether a definition is valid, and every problem with its file, line and column.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<DefinitionError> Errors);
