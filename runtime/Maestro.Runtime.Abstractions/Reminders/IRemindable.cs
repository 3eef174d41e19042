namespace Maestro.Runtime;

/// <summary>A grain that receives reminder ticks, as Orleans' <c>IRemindable</c>. Ticks may repeat after a failover: make them idempotent.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
