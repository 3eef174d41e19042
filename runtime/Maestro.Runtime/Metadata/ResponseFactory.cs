using Maestro.Runtime.Messaging;

namespace Maestro.Runtime.Metadata;

/// <summary>Creates typed responses without reflection on the call path; one instance per result type.</summary>
internal abstract class ResponseFactory
{
    public abstract ResponseCompletion Create();

    public abstract object? GetResult(Task completed);

    public abstract object ToReturnValue(ResponseCompletion response, ReturnKind kind);
}
