using System.Globalization;
using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Checks a template before it is stored and parameter values before a template is rendered. Problems in the YAML
/// are reported at the template's own lines and columns; problems with the declared parameters at file
/// <c>NAME.parameters</c>, line = the parameter's place in the list (1-based), column 1.
/// </summary>
public static class TemplateValidator
{
    public static readonly IReadOnlyList<string> ParameterTypes = ["string", "int", "bool", "duration"];

    public static IReadOnlyList<DefinitionError> ValidateRegistration(string name, TemplateRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var file = $"{name}.yaml";
        var parametersFile = $"{name}.parameters";
        var errors = new List<DefinitionError>();
        if (name.Length is 0 or > 100 || !char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            errors.Add(new DefinitionError(file, 1, 1, $"template name '{name}' must start with a letter and hold only letters, digits, '_' and '-' (at most 100)"));
        }

        var declared = new Dictionary<string, TemplateParameter>(StringComparer.Ordinal);
        for (var i = 0; i < registration.Parameters.Count; i++)
        {
            var parameter = registration.Parameters[i];
            var problem = !TemplateText.IsParameterName(parameter.Name) ? $"parameter name '{parameter.Name}' must be letters, digits and '_', starting with a letter or '_'"
                : !ParameterTypes.Contains(parameter.Type) ? $"parameter '{parameter.Name}' has type '{parameter.Type}'; expected one of {string.Join(", ", ParameterTypes)}"
                : declared.ContainsKey(parameter.Name) ? $"parameter '{parameter.Name}' is declared twice"
                : parameter.Default is { } value && CheckValue(parameter, value) is { } bad ? $"the default of parameter '{parameter.Name}': {bad}"
                : null;
            if (problem is not null)
            {
                errors.Add(new DefinitionError(parametersFile, i + 1, 1, problem));
            }
            else
            {
                declared[parameter.Name] = parameter;
            }
        }

        var (placeholders, scanErrors) = TemplateText.Scan(registration.Yaml, file);
        errors.AddRange(scanErrors);
        foreach (var placeholder in placeholders.Where(p => !declared.ContainsKey(p.Name) && registration.Parameters.All(d => d.Name != p.Name)))
        {
            errors.Add(new DefinitionError(file, placeholder.Line, placeholder.Column, $"'{{{{{placeholder.Name}}}}}' is not a declared parameter"));
        }

        for (var i = 0; i < registration.Parameters.Count; i++)
        {
            if (placeholders.All(p => p.Name != registration.Parameters[i].Name))
            {
                errors.Add(new DefinitionError(parametersFile, i + 1, 1, $"parameter '{registration.Parameters[i].Name}' is declared but the template never uses it"));
            }
        }

        if (errors.Count == 0)
        {
            // Rendered with the defaults (or a typical value of each type) so that the workflow itself is checked now,
            // not when someone first uses the template.
            var samples = declared.Values.ToDictionary(p => p.Name, p => p.Default ?? Sample(p.Type), StringComparer.Ordinal);
            errors.AddRange(LoadRendered(registration.Yaml, placeholders, samples, file).Errors);
        }

        return errors;
    }

    /// <summary>Fills in defaults, checks every value, renders and validates; the YAML only when there is no problem.</summary>
    public static (string? Yaml, IReadOnlyList<DefinitionError> Errors) Render(TemplateVersion template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var file = $"{template.Name}@v{template.Version}";
        var errors = new List<DefinitionError>();
        var effective = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in values.Keys.Where(n => template.Parameters.All(p => p.Name != n)))
        {
            errors.Add(new DefinitionError(file, 1, 1, $"template '{template.Name}' has no parameter '{name}'"));
        }

        foreach (var parameter in template.Parameters)
        {
            if (!values.TryGetValue(parameter.Name, out var value) && (value = parameter.Default) is null)
            {
                errors.Add(new DefinitionError(file, 1, 1, $"parameter '{parameter.Name}' needs a value (it has no default)"));
            }
            else if (CheckValue(parameter, value) is { } problem)
            {
                errors.Add(new DefinitionError(file, 1, 1, $"parameter '{parameter.Name}': {problem}"));
            }
            else
            {
                effective[parameter.Name] = value;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (placeholders, _) = TemplateText.Scan(template.Yaml, file);
        return LoadRendered(template.Yaml, placeholders, effective, file);
    }

    private static (string? Yaml, IReadOnlyList<DefinitionError> Errors) LoadRendered(string yaml, IReadOnlyList<TemplatePlaceholder> placeholders, IReadOnlyDictionary<string, string> values, string file)
    {
        var rendering = TemplateText.Render(yaml, placeholders, values);
        var (_, errors) = WorkflowDefinitionLoader.Load(rendering.Yaml, file);
        return errors.Count == 0 ? (rendering.Yaml, errors) : (null, [.. errors.Select(rendering.MapBack)]);
    }

    private static string? CheckValue(TemplateParameter parameter, string value) =>
        value.Any(char.IsControl) ? "values cannot hold line breaks or other control characters"
        : parameter.Type switch
        {
            "int" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => $"'{value}' is not a whole number",
            "bool" when value is not ("true" or "false") => $"'{value}' is not true or false",
            "duration" when !DurationText.TryParse(value, out _) => $"'{value}' is not a duration such as 250ms, 30s, 5m or 2h",
            _ => null,
        };

    private static string Sample(string type) => type switch
    {
        "int" => "1",
        "bool" => "true",
        "duration" => "1s",
        _ => "sample",
    };
}
