namespace Maestro.Runtime;

/// <summary>A registered reminder; pass it back to <c>UnregisterReminder</c>.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
