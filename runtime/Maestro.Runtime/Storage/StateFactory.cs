namespace Maestro.Runtime.Storage;

/// <summary>Makes the "no record yet" value of a state type: a new instance, never null.</summary>
internal static class StateFactory
{
    public static TState Create<TState>()
    {
        var type = typeof(TState);
        if (type.IsValueType)
        {
            return default!;
        }

        if (type == typeof(string))
        {
            return (TState)(object)string.Empty;
        }

        if (type.IsInterface || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"State type {type.FullName} needs a public parameterless constructor: a grain with no stored record starts from new {type.Name}().");
        }

        return Activator.CreateInstance<TState>();
    }
}
