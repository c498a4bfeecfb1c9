using System.Security.Claims;

namespace Quire.Server.Security;

/// <summary>Every authenticated user may do everything: one server, one user, as jupyter_server's default.</summary>
internal sealed class AllowAuthenticatedAuthorizer : IAccessAuthorizer
{
    public bool IsAllowed(ClaimsPrincipal user, AccessRequirement requirement) => user.Identity?.IsAuthenticated == true;
}
