namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class WalletGrain(
    [PersistentState("balance")] IPersistentState<BalanceState> balanceState,
    [PersistentState("nickname")] IPersistentState<NicknameState> nicknameState) : Grain, IWalletGrain
{
    public async Task Deposit(int amount)
    {
        balanceState.State.Amount += amount;
        await balanceState.WriteStateAsync();
    }

    public async Task SetNickname(string nickname)
    {
        nicknameState.State.Nickname = nickname;
        await nicknameState.WriteStateAsync();
    }

    public async Task RenameWithoutSavingAndDeposit(string nickname, int amount)
    {
        nicknameState.State.Nickname = nickname;
        await Deposit(amount);
    }

    public Task ClearNickname() => nicknameState.ClearStateAsync();

    public Task<int> GetBalance() => Task.FromResult(balanceState.State.Amount);

    public Task<string> GetNickname() => Task.FromResult(nicknameState.State.Nickname);

    public Task<bool> NicknameRecordExists() => Task.FromResult(nicknameState.RecordExists);
}
