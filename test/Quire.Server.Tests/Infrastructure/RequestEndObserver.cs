using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>Resolves <see cref="Ended"/> when the server has finished handling a request of a method and path, whatever its outcome.</summary>
internal sealed class RequestEndObserver(string method, string path) : IStartupFilter
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ended => _ended.Task;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            try
            {
                await inner(context).ConfigureAwait(false);
            }
            finally
            {
                if (context.Request.Method == method && context.Request.Path == path)
                {
                    _ended.TrySetResult();
                }
            }
        });
        next(app);
    };
}
