namespace Maestro.Runtime.Tests.Grains;

public sealed class CompoundKeyGrain : Grain, ICompoundKeyGrain
{
    public Task<string> Describe()
    {
        var key = this.GetPrimaryKeyLong(out var extension);
        return Task.FromResult($"{key}|{extension}");
    }
}
