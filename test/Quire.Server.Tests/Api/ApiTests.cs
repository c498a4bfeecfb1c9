using System.Net;
using Quire.Server.Http;
using Quire.Server.Tests.Infrastructure;

namespace Quire.Server.Tests.Api;

public sealed class ApiTests
{
    [Fact]
    public async Task Version_IsAnsweredWithoutAToken()
    {
        await using var server = await KernelServer.StartAsync();

        using var response = await server.Host.Anonymous.GetAsync(new Uri("api", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await KernelServer.ReadAsync(response, HttpStatusCode.OK, "GET /api without a token");

        Assert.Equal(["version"], body.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("2.", body.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_CountsKernelsAndConnections_InJupyterServersShape()
    {
        await using var server = await KernelServer.StartAsync();
        var before = await server.GetJsonAsync("api/status");
        var id = (await server.StartKernelAsync()).GetProperty("id").GetString()!;
        await using var socket = await server.ConnectAsync(id);
        var info = await socket.SendAsync("shell", "kernel_info_request");
        await socket.WaitForAsync(m => m.ParentMsgId == info && m.MsgType == "kernel_info_reply", Within.Kernel, "a reply, so that the socket is surely attached");

        var status = await server.GetJsonAsync("api/status");

        Assert.Equal(["connections", "kernels", "last_activity", "started"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, before.GetProperty("kernels").GetInt32());
        Assert.Equal(1, status.GetProperty("kernels").GetInt32());
        Assert.Equal(1, status.GetProperty("connections").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$", status.GetProperty("started").GetString());
        Assert.True(
            Time(status, "last_activity") > Time(before, "last_activity"),
            "starting a kernel through the API is activity");
    }

    [Fact]
    public async Task Me_DescribesTheCaller_AndAnswersTheAskedPermissions()
    {
        await using var server = await KernelServer.StartAsync();
        var permissions = Uri.EscapeDataString("""{"kernels": ["read", "execute"], "contents": ["write"], "other": ["delete"]}""");

        var me = await server.GetJsonAsync($"api/me?permissions={permissions}");

        var identity = me.GetProperty("identity");
        Assert.Equal(["username", "name", "display_name", "initials", "avatar_url", "color"], identity.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(identity.GetProperty("username").GetString()));
        var granted = me.GetProperty("permissions");
        Assert.Equal(["read", "execute"], granted.GetProperty("kernels").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["write"], granted.GetProperty("contents").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(granted.GetProperty("other").EnumerateArray());
    }

    [Fact]
    public async Task Me_WithoutPermissions_HasAnEmptyPermissionsObject()
    {
        await using var server = await KernelServer.StartAsync();

        var me = await server.GetJsonAsync("api/me");

        Assert.Empty(me.GetProperty("permissions").EnumerateObject());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"kernels": "read"}""")]
    [InlineData("""{"kernels": [1]}""")]
    public async Task Me_WithMalformedPermissions_Is400(string permissions)
    {
        await using var server = await KernelServer.StartAsync();

        var error = await server.GetJsonAsync($"api/me?permissions={Uri.EscapeDataString(permissions)}", HttpStatusCode.BadRequest);

        Assert.StartsWith("permissions should be a JSON dict of {\"resource\": [\"action\",]}, got '", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static DateTimeOffset Time(System.Text.Json.JsonElement model, string name) =>
        DateTimeOffset.Parse(model.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, "2024-05-01T12:00:00Z")]
    [InlineData(1234560, "2024-05-01T12:00:00.123456Z")]
    public void Timestamps_ArePythonsIsoformatWithZ(long ticks, string expected)
    {
        var time = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(ticks);

        Assert.Equal(expected, JupyterTimestamp.Iso(time));
    }
}
