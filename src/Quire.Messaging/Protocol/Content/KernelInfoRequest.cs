namespace Quire.Messaging.Protocol.Content;

/// <summary><c>kernel_info_request</c> (shell; also control from 5.5). No fields.</summary>
public sealed record KernelInfoRequest : MessageContent;
