using Microsoft.AspNetCore.Builder;

namespace Quire.Server.Security;

/// <summary>Per-endpoint security markers for this assembly's endpoints.</summary>
internal static class SecurityEndpointExtensions
{
    /// <summary>The endpoint serves users' files raw: sandboxed and protected from cross-site inclusion.</summary>
    public static TBuilder ServesUserContent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(UserContentMetadata.Instance);
        return builder;
    }

    /// <summary>The endpoint takes unsafe requests without the XSRF token (see <see cref="SkipXsrfMetadata"/>).</summary>
    public static TBuilder SkipsXsrfCheck<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(SkipXsrfMetadata.Instance);
        return builder;
    }
}
