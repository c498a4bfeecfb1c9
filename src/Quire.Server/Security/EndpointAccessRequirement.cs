using Microsoft.AspNetCore.Authorization;

namespace Quire.Server.Security;

/// <summary>
/// Part of the default and fallback policies: the endpoint's declared <see cref="AccessRequirement"/>s must all be
/// allowed, and an endpoint that declares none is refused (fail closed) unless it is marked AllowAnonymous.
/// </summary>
internal sealed class EndpointAccessRequirement : IAuthorizationRequirement
{
    public static EndpointAccessRequirement Instance { get; } = new();
}
