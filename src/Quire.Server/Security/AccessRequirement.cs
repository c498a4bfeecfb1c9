namespace Quire.Server.Security;

/// <summary>
/// Endpoint metadata declaring the resource (jupyter_server's <c>AUTH_RESOURCE</c>: <c>contents</c>,
/// <c>kernels</c>, <c>kernelspecs</c>, <c>sessions</c>, <c>api</c>, <c>server</c>, …) and the action an endpoint needs.
/// </summary>
public sealed record AccessRequirement(string Resource, AccessAction Action);
