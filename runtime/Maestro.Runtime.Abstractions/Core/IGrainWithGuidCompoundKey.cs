namespace Maestro.Runtime;

/// <summary>A grain identified by a <see cref="System.Guid"/> key plus a string key extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;
