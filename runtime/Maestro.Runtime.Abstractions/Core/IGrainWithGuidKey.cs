namespace Maestro.Runtime;

/// <summary>A grain identified by a <see cref="System.Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain;
