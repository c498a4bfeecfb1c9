using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Security;

namespace Quire.Server.Api;

/// <summary>
/// Answers "may this caller do <c>action</c> on <c>resource</c>?" for <c>/api/me?permissions=</c> with the authorizer the
/// endpoints use; without one, every authenticated request is allowed everything, as jupyter_server's default
/// <c>AllowAllAuthorizer</c> allows.
/// </summary>
internal sealed class PermissionChecker(IServiceProvider services)
{
    public bool IsAllowed(ClaimsPrincipal user, string resource, string action)
    {
        AccessAction? parsed = action switch
        {
            "read" => AccessAction.Read,
            "write" => AccessAction.Write,
            "execute" => AccessAction.Execute,
            _ => null,
        };
        if (parsed is null)
        {
            // jupyter_server has exactly these three actions; answering yes to one it does not know would promise access
            // that no endpoint checks.
            return false;
        }

        return services.GetService<IAccessAuthorizer>() is not { } authorizer || authorizer.IsAllowed(user, new AccessRequirement(resource, parsed.Value));
    }
}
