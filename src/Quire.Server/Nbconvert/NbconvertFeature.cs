using Microsoft.AspNetCore.Routing;

namespace Quire.Server.Nbconvert;

/// <summary>jupyter_server's <c>/nbconvert/{format}/{path}</c>: a saved notebook converted by Quire.Conversion.</summary>
public static class NbconvertFeature
{
    public static IEndpointRouteBuilder MapNbconvert(this IEndpointRouteBuilder endpoints)
    {
        NbconvertEndpoint.Map(endpoints);
        return endpoints;
    }
}
