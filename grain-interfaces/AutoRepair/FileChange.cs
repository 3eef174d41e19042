namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>A file a fix rewrites.</summary>
/// <param name="Path">Relative to the project folder.</param>
/// <param name="NewContent">The whole new text of the file.</param>
public sealed record FileChange(string Path, string NewContent);
