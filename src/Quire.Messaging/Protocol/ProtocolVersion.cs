namespace Quire.Messaging.Protocol;

/// <summary>The Jupyter messaging protocol version Quire speaks.</summary>
public static class ProtocolVersion
{
    public const string Current = "5.4";
}
