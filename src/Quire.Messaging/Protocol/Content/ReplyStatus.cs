namespace Quire.Messaging.Protocol.Content;

/// <summary>The values of a reply's <c>status</c>.</summary>
public static class ReplyStatus
{
    public const string Ok = "ok";
    public const string Error = "error";

    /// <summary>Deprecated since 5.1, but ipykernel still sends it for requests dropped after an error.</summary>
    public const string Aborted = "aborted";
}
