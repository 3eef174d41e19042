using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Messaging;

/// <summary>One silo: every grain lives here.</summary>
internal sealed class LocalMessageRouter(GrainRuntime runtime) : IMessageRouter
{
    public void Send(Message message) => runtime.Catalog.Dispatch(message, message.Target);
}
