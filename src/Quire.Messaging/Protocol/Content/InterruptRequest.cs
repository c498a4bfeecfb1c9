namespace Quire.Messaging.Protocol.Content;

/// <summary><c>interrupt_request</c> (control, 5.3; kernels with <c>interrupt_mode: message</c>). No fields.</summary>
public sealed record InterruptRequest : MessageContent;
