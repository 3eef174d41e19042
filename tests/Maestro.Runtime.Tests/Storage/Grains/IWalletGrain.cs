namespace Maestro.Runtime.Tests.Storage.Grains;

/// <summary>A grain with two state records, "balance" and "nickname", each written only by its own methods.</summary>
public interface IWalletGrain : IGrainWithStringKey
{
    Task Deposit(int amount);

    Task SetNickname(string nickname);

    /// <summary>Changes the nickname in memory only, then deposits (which writes the balance record alone).</summary>
    Task RenameWithoutSavingAndDeposit(string nickname, int amount);

    Task ClearNickname();

    Task<int> GetBalance();

    Task<string> GetNickname();

    Task<bool> NicknameRecordExists();
}
