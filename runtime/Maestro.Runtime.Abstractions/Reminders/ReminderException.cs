namespace Maestro.Runtime;

/// <summary>A reminder operation failed: the reminder changed or vanished meanwhile, or the reminder table failed.</summary>
public sealed class ReminderException : OrleansException
{
    public ReminderException(string message)
        : base(message)
    {
    }

    public ReminderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
