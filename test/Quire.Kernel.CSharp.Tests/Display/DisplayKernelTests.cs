using Quire.Kernel.CSharp.Tests.Infrastructure;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Display;

public sealed class DisplayKernelTests
{
    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    [Fact]
    public async Task Display_PublishesDisplayData_AndUpdateReplacesItById()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var first = await kernel.ExecuteAsync("var handle = Display(Html(\"<b>one</b>\"));");
        var second = await kernel.ExecuteAsync("handle.Update(Markdown(\"**two**\"));");

        Assert.True(first.IsOk, first.Reply.Evalue);
        Assert.True(second.IsOk, second.Reply.Evalue);
        var shown = Assert.Single(first.OfType(MessageTypes.DisplayData)).GetContent(Json.DisplayData);
        var updated = Assert.Single(second.OfType(MessageTypes.UpdateDisplayData)).GetContent(Json.UpdateDisplayData);
        Assert.Equal("<b>one</b>", shown.Data["text/html"].GetString());
        Assert.Equal("**two**", updated.Data["text/markdown"].GetString());
        var id = shown.Transient!["display_id"].GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, updated.Transient!["display_id"].GetString());
    }

    [Fact]
    public async Task ClearOutput_SendsClearOutput_WithWait()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("ClearOutput(wait: true);");

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.True(Assert.Single(result.OfType(MessageTypes.ClearOutput)).GetContent(Json.ClearOutput).Wait);
    }

    [Fact]
    public async Task RecordsInACell_RenderAsAnHtmlTable_WithTextFallback()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("record Planet(string Name, double Mass);\nnew[] { new Planet(\"Earth\", 1), new Planet(\"Mars\", 0.107) }");

        Assert.True(result.IsOk, result.Reply.Evalue);
        var data = Assert.Single(result.OfType(MessageTypes.ExecuteResult)).GetContent(Json.ExecuteResult).Data;
        Assert.Contains("<th>Name</th><th>Mass</th>", data["text/html"].GetString()!, StringComparison.Ordinal);
        Assert.Contains("<td>Mars</td><td>0.107</td>", data["text/html"].GetString()!, StringComparison.Ordinal);
        Assert.Matches(@"\nMars +0\.107\n", data["text/plain"].GetString()!);
    }

    [Fact]
    public async Task DisplayOfASequence_UsesTheSameTables()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("Display(Enumerable.Range(1, 3));");

        var data = Assert.Single(result.OfType(MessageTypes.DisplayData)).GetContent(Json.DisplayData).Data;
        Assert.Contains("<th>index</th><th>value</th>", data["text/html"].GetString()!, StringComparison.Ordinal);
        Assert.Equal("[1, 2, 3]", data["text/plain"].GetString());
    }

    [Fact]
    public async Task CellTypes_CanProvideTheirOwnRepresentation_OrRegisterAFormatter()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var own = await kernel.ExecuteAsync("""
            using Quire.Kernel.CSharp.Display;
            class Badge : IRichDisplay
            {
                public IReadOnlyDictionary<string, object> ToMimeBundle() => new Dictionary<string, object> { ["text/html"] = "<b>badge</b>" };
            }
            new Badge()
            """);
        var registered = await kernel.ExecuteAsync("""
            class Money { public decimal Amount { get; init; } }
            Formatters.Register<Money>(m => $"<span>{m.Amount:0.00} €</span>");
            new Money { Amount = 3.5m }
            """);

        Assert.True(own.IsOk, own.Reply.Evalue);
        Assert.True(registered.IsOk, registered.Reply.Evalue);
        Assert.Equal("<b>badge</b>", Assert.Single(own.OfType(MessageTypes.ExecuteResult)).GetContent(Json.ExecuteResult).Data["text/html"].GetString());
        var money = Assert.Single(registered.OfType(MessageTypes.ExecuteResult)).GetContent(Json.ExecuteResult).Data;
        Assert.Equal("<span>3.50 €</span>", money["text/html"].GetString());
        Assert.Equal("Money { Amount = 3.5 }", money["text/plain"].GetString());
    }

    [Fact]
    public async Task ImageAndJson_BuiltInACell_CarryTheirMimeTypes()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("""
            Display(Image(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));
            Json(new { answer = 42 })
            """);

        Assert.True(result.IsOk, result.Reply.Evalue);
        Assert.Equal("/9j/4A==", Assert.Single(result.OfType(MessageTypes.DisplayData)).GetContent(Json.DisplayData).Data["image/jpeg"].GetString());
        var json = Assert.Single(result.OfType(MessageTypes.ExecuteResult)).GetContent(Json.ExecuteResult).Data["application/json"];
        Assert.Equal(42, json.GetProperty("answer").GetInt32());
    }
}
