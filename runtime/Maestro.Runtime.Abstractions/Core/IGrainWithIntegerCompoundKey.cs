namespace Maestro.Runtime;

/// <summary>A grain identified by a 64-bit integer key plus a string key extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;
