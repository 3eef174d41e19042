namespace Maestro.Bench.Grains;

/// <summary>A grain whose every call changes its persisted state and writes it.</summary>
public interface IStateWriterGrain : IGrainWithStringKey
{
    /// <summary>Applies <paramref name="value"/> to the state, writes it, and returns the new version.</summary>
    Task<long> Write(int value);
}
