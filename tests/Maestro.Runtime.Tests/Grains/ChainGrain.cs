namespace Maestro.Runtime.Tests.Grains;

public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<string> CallThrough(string next, bool allowReentrancy)
    {
        var other = GrainFactory.GetGrain<IChainGrain>(next);
        if (!allowReentrancy)
        {
            return await other.CallBack(this.GetPrimaryKeyString());
        }

        using (RequestContext.AllowCallChainReentrancy())
        {
            return await other.CallBack(this.GetPrimaryKeyString());
        }
    }

    public async Task<string> CallBack(string origin) => "back:" + await GrainFactory.GetGrain<IChainGrain>(origin).Echo();

    public Task<string> Echo() => Task.FromResult(this.GetPrimaryKeyString());

    public Task<string?> ReadContext(string key) => Task.FromResult(RequestContext.Get(key) as string);

    public Task<string?> ReadContextThrough(string next, string key) => GrainFactory.GetGrain<IChainGrain>(next).ReadContext(key);
}
