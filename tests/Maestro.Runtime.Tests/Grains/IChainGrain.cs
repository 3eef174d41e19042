namespace Maestro.Runtime.Tests.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="next"/>, which calls back into this grain: a cycle.</summary>
    Task<string> CallThrough(string next, bool allowReentrancy);

    Task<string> CallBack(string origin);

    Task<string> Echo();

    Task<string?> ReadContext(string key);

    Task<string?> ReadContextThrough(string next, string key);
}
