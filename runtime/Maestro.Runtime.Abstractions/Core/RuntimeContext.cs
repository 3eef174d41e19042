namespace Maestro.Runtime;

/// <summary>The activation whose turn is running on the current thread, if any.</summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? current;

    public static IGrainContext? Current
    {
        get => current;
        internal set => current = value;
    }
}
