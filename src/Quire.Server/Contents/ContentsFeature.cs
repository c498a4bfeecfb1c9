using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quire.Server.Hosting;

namespace Quire.Server.Contents;

/// <summary>The contents service: /api/contents (files, directories, notebooks, checkpoints) under the root.</summary>
public static class ContentsFeature
{
    public static IServiceCollection AddContents(this IServiceCollection services, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(new ContentsRoot(options));
        services.TryAddSingleton<IContentsWriter, AtomicContentsWriter>();
        services.TryAddSingleton<INotebookModelOverlay, NoNotebookModelOverlay>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<ContentsNotary>();
        services.AddSingleton(_ => new NotebookResponseCache());
        services.AddSingleton<ContentsManager>();
        return services;
    }

    public static IEndpointRouteBuilder MapContents(this IEndpointRouteBuilder endpoints)
    {
        ContentsEndpoints.Map(endpoints);
        return endpoints;
    }
}
