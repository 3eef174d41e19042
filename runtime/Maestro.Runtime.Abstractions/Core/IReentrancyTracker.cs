namespace Maestro.Runtime;

/// <summary>Lets <see cref="RequestContext.AllowCallChainReentrancy"/> tell the running activation which call chains may re-enter it.</summary>
internal interface IReentrancyTracker
{
    void EnterReentrantSection(Guid reentrancyId);

    void ExitReentrantSection(Guid reentrancyId);
}
