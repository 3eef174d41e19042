namespace Maestro.Runtime.Tests.Grains;

public interface ICompoundKeyGrain : IGrainWithIntegerCompoundKey
{
    Task<string> Describe();
}
