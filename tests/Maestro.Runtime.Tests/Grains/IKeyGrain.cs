namespace Maestro.Runtime.Tests.Grains;

public interface IKeyGrain : IGrainWithStringKey
{
    Task<string> Key();

    Task<int> Store(int value);

    Task<int> Load();
}
