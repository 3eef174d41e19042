namespace Maestro.Runtime.Messaging;

/// <summary>Delivers a message to the silo that hosts (or will host) its target.</summary>
internal interface IMessageRouter
{
    void Send(Message message);
}
