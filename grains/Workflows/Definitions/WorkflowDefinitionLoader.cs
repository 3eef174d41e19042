using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>Parses and validates a definition; hands out the definition only when there is no problem at all.</summary>
public static class WorkflowDefinitionLoader
{
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Load(string yaml, string file)
    {
        var (definition, parseErrors) = WorkflowDefinitionParser.Parse(yaml, file);
        if (definition is null)
        {
            return (null, parseErrors);
        }

        var errors = parseErrors.Concat(WorkflowValidator.Validate(definition, file))
            .OrderBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();
        return errors.Count == 0 ? (definition, errors) : (null, errors);
    }
}
