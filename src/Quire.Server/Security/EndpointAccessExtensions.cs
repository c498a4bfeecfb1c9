using Microsoft.AspNetCore.Builder;

namespace Quire.Server.Security;

/// <summary>Declares, per endpoint, the resource and action a caller must be allowed.</summary>
public static class EndpointAccessExtensions
{
    /// <summary>The caller must be authenticated and allowed <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, string resource, AccessAction action)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new AccessRequirement(resource, action));
        return builder;
    }
}
