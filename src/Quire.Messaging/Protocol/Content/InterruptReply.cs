namespace Quire.Messaging.Protocol.Content;

/// <summary><c>interrupt_reply</c>.</summary>
public sealed record InterruptReply : ReplyContent;
