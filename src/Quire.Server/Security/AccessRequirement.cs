using Microsoft.AspNetCore.Authorization;

namespace Quire.Server.Security;

/// <summary>
/// Endpoint metadata declaring the resource (jupyter_server's <c>AUTH_RESOURCE</c>: <c>contents</c>,
/// <c>kernels</c>, <c>kernelspecs</c>, <c>sessions</c>, <c>api</c>, <c>server</c>, …) and the action an endpoint needs.
/// It is also an authorization requirement, so that <c>IAuthorizationService</c> can answer "may this user do this?"
/// outside a request (as <c>/api/me?permissions=</c> asks).
/// </summary>
public sealed record AccessRequirement(string Resource, AccessAction Action) : IAuthorizationRequirement;
