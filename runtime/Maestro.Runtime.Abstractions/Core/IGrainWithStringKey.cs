namespace Maestro.Runtime;

/// <summary>A grain identified by a string key, kept exactly as given ("020235" and "20235" are different grains).</summary>
public interface IGrainWithStringKey : IGrain;
