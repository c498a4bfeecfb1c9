namespace Quire.Server.Security;

/// <summary>What an endpoint does to its resource, as jupyter_server's authorizer actions.</summary>
public enum AccessAction
{
    Read,
    Write,
    Execute,
}
