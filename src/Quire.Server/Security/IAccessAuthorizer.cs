using System.Security.Claims;

namespace Quire.Server.Security;

/// <summary>
/// Decides whether an authenticated user may do an <see cref="AccessRequirement"/> (jupyter_server's
/// <c>Authorizer.is_authorized</c>). Register another implementation to restrict users; the default allows every
/// authenticated user everything, as jupyter_server's <c>AllowAllAuthorizer</c>.
/// </summary>
public interface IAccessAuthorizer
{
    bool IsAllowed(ClaimsPrincipal user, AccessRequirement requirement);
}
