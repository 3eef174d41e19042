namespace Maestro.Runtime.Streams;

/// <summary>
/// Subscribes every grain of the class to the streams of <see cref="Namespace"/> whose key is the grain's key: an
/// event activates its consumer. The grain attaches an observer in <see cref="IStreamSubscriptionObserver.OnSubscribed"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ImplicitStreamSubscriptionAttribute : Attribute
{
    public ImplicitStreamSubscriptionAttribute(string @namespace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        Namespace = @namespace;
    }

    public string Namespace { get; }
}
