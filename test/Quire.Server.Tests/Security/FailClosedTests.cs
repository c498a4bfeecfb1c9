using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Server.Security;
using Quire.Server.Tests.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Security;

/// <summary>Authorization fails closed: an endpoint must declare what it needs, or be marked anonymous.</summary>
public sealed class FailClosedTests
{
    private static readonly ClaimsPrincipal User = QuireUser.NewAnonymous().ToPrincipal(QuireClaims.TokenMethod);

    [Fact]
    public async Task EndpointWithoutARequirement_IsRefused()
    {
        var endpoint = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "GET /forgotten");

        Assert.False(await AuthorizeAsync(endpoint));
    }

    [Fact]
    public async Task EndpointWithARequirement_IsAllowedToAnAuthenticatedUser()
    {
        var endpoint = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new AccessRequirement("contents", AccessAction.Read)), "GET /x");

        Assert.True(await AuthorizeAsync(endpoint));
    }

    [Fact]
    public async Task ADenyingAuthorizer_IsHeeded()
    {
        await using var server = await ServerHost.StartAsync(
            services: b => b.Services.AddSingleton<IAccessAuthorizer>(new ReadOnlyAuthorizer()),
            cancellationToken: TestHttp.Ct);
        using var client = TestHttp.NewClient(server);

        await client.FetchAsync("api/contents").ExpectAsync(200);
        await client.PutJsonAsync("api/contents/a.txt", new { type = "file", format = "text", content = "x" }).ExpectAsync(403);

        Assert.False(File.Exists(server.PathOf("a.txt")));
    }

    [Fact]
    public async Task EveryMappedEndpoint_DeclaresAccessOrIsAnonymous()
    {
        await using var server = await ServerHost.StartAsync(cancellationToken: TestHttp.Ct);
        var endpoints = ((IEndpointRouteBuilder)server.App).DataSources.SelectMany(d => d.Endpoints).ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<AccessRequirement>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.True(undeclared.Count == 0, "endpoints without RequireAccess or AllowAnonymous: " + string.Join(", ", undeclared));
    }

    private static async Task<bool> AuthorizeAsync(Endpoint endpoint)
    {
        var handler = new EndpointAccessHandler(new AllowAuthenticatedAuthorizer(), NullLogger<EndpointAccessHandler>.Instance);
        var context = new DefaultHttpContext();
        context.SetEndpoint(endpoint);
        var authorization = new AuthorizationHandlerContext([EndpointAccessRequirement.Instance], User, context);
        await handler.HandleAsync(authorization);
        return authorization.HasSucceeded;
    }

    private sealed class ReadOnlyAuthorizer : IAccessAuthorizer
    {
        public bool IsAllowed(ClaimsPrincipal user, AccessRequirement requirement) => requirement.Action == AccessAction.Read;
    }
}
