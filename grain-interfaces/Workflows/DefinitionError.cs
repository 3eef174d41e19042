namespace Maestro.GrainInterfaces.Workflows;

/// <summary>One problem in a workflow definition or template: where it is (1-based line and column) and what is wrong.</summary>
public sealed record DefinitionError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
