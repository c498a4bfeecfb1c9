using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Quire.Server.Security;

/// <summary>Judges <see cref="EndpointAccessRequirement"/> and plain <see cref="AccessRequirement"/>s with the <see cref="IAccessAuthorizer"/>.</summary>
internal sealed class EndpointAccessHandler(IAccessAuthorizer authorizer, ILogger<EndpointAccessHandler> logger) : IAuthorizationHandler
{
    // Routing's stand-in for "the path exists, the method does not": it declares nothing and must still answer 405.
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case AccessRequirement access when authorizer.IsAllowed(context.User, access):
                    context.Succeed(access);
                    break;
                case EndpointAccessRequirement endpointRequirement when IsEndpointAllowed(context):
                    context.Succeed(endpointRequirement);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private bool IsEndpointAllowed(AuthorizationHandlerContext context)
    {
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        if (endpoint is null)
        {
            // No route matched: the authenticated caller gets the 404 that follows.
            return context.User.Identity?.IsAuthenticated == true;
        }

        var declared = endpoint.Metadata.GetOrderedMetadata<AccessRequirement>();
        if (declared.Count == 0)
        {
            if (endpoint.DisplayName == MethodNotAllowedEndpoint)
            {
                return true;
            }

            SecurityLog.EndpointWithoutRequirement(logger, endpoint.DisplayName ?? "(unnamed)");
            return false;
        }

        return declared.All(r => authorizer.IsAllowed(context.User, r));
    }
}
