using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Tests.Protocol;

public sealed class ContentModelTests
{
    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    /// <summary>Parses, writes back, and checks the output is the same JSON (order aside), unknown fields included.</summary>
    private static T AssertRoundTrips<T>(string json, JsonTypeInfo<T> type)
    {
        var model = JsonSerializer.Deserialize(json, type)!;
        var written = JsonSerializer.Serialize(model, type);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)),
            $"{typeof(T).Name} changed on a round trip:\n  in:  {json}\n  out: {written}");
        return model;
    }

    [Fact]
    public void ExecuteRequest_WritesSnakeCaseNamesAndProtocolDefaults()
    {
        var json = JsonSerializer.Serialize(new ExecuteRequest { Code = "x = 1" }, Json.ExecuteRequest);

        Assert.Equal(
            """{"code":"x = 1","silent":false,"store_history":true,"user_expressions":{},"allow_stdin":true,"stop_on_error":true}""",
            json);
    }

    [Fact]
    public void ExecuteReply_Ok_LeavesErrorFieldsOut()
    {
        var json = JsonSerializer.Serialize(new ExecuteReply { ExecutionCount = 3 }, Json.ExecuteReply);

        Assert.Equal("""{"status":"ok","execution_count":3}""", json);
    }

    [Fact]
    public void ExecuteReply_Error_RoundTripsWithUnknownFields()
    {
        var reply = AssertRoundTrips(
            """{"status":"error","execution_count":4,"ename":"NameError","evalue":"x","traceback":["a","b"],"engine_info":{"engine_id":-1},"payload":[],"user_expressions":{}}""",
            Json.ExecuteReply);

        Assert.False(reply.IsOk);
        Assert.Equal(["a", "b"], reply.Traceback);
        Assert.Equal(-1, reply.Extra!["engine_info"].GetProperty("engine_id").GetInt32());
    }

    [Fact]
    public void KernelInfoReply_RoundTrips_WithLanguageInfoAndHelpLinks()
    {
        var reply = AssertRoundTrips(
            """
            {"status":"ok","protocol_version":"5.3","implementation":"ipython","implementation_version":"8.20.0",
             "language_info":{"name":"python","version":"3.12.1","mimetype":"text/x-python","codemirror_mode":{"name":"ipython","version":3},
               "pygments_lexer":"ipython3","nbconvert_exporter":"python","file_extension":".py"},
             "banner":"Python","help_links":[{"text":"Python Reference","url":"https://docs.python.org/3.12"}],
             "debugger":true,"supported_features":["debugger"],"kernel_specific":1}
            """,
            Json.KernelInfoReply);

        Assert.Equal("python", reply.LanguageInfo.Name);
        Assert.Equal(JsonValueKind.Object, reply.LanguageInfo.CodemirrorMode!.Value.ValueKind);
        Assert.Equal("https://docs.python.org/3.12", reply.HelpLinks![0].Url);
    }

    [Fact]
    public void HistoryRequest_WritesOnlyTheFieldsSet()
    {
        var json = JsonSerializer.Serialize(new HistoryRequest { HistAccessType = "tail", N = 10 }, Json.HistoryRequest);

        Assert.Equal("""{"output":false,"raw":true,"hist_access_type":"tail","n":10}""", json);
    }

    [Fact]
    public void IsCompleteReply_IsIncompleteWithIndent()
    {
        var reply = AssertRoundTrips("""{"status":"incomplete","indent":"    "}""", Json.IsCompleteReply);

        Assert.Equal(("incomplete", "    "), (reply.Status, reply.Indent));
    }

    [Fact]
    public void DebugMessages_PassEveryDapFieldThrough()
    {
        AssertRoundTrips("""{"seq":1,"type":"request","command":"dumpCell","arguments":{"code":"1"}}""", Json.DebugRequest);
        AssertRoundTrips(
            """{"seq":2,"type":"response","request_seq":1,"success":true,"command":"dumpCell","body":{"sourcePath":"/t.py"},"x":[1]}""",
            Json.DebugReply);
        var ev = AssertRoundTrips("""{"seq":3,"type":"event","event":"stopped","body":{"threadId":1}}""", Json.DebugEvent);
        Assert.Equal("stopped", ev.Event);
    }

    [Theory]
    [InlineData(typeof(DisplayData), """{"data":{"text/plain":"1","image/png":"iVBO"},"metadata":{"image/png":{"width":3}},"transient":{"display_id":"d"},"extra":true}""")]
    [InlineData(typeof(UpdateDisplayData), """{"data":{"text/plain":"2"},"metadata":{},"transient":{"display_id":"d"}}""")]
    [InlineData(typeof(ExecuteResult), """{"execution_count":7,"data":{"text/plain":"7"},"metadata":{}}""")]
    [InlineData(typeof(ExecuteInput), """{"code":"7","execution_count":7}""")]
    [InlineData(typeof(StreamOutput), """{"name":"stderr","text":"warn\n"}""")]
    [InlineData(typeof(ErrorOutput), """{"ename":"E","evalue":"v","traceback":["t"]}""")]
    [InlineData(typeof(ClearOutput), """{"wait":true}""")]
    [InlineData(typeof(Status), """{"execution_state":"busy"}""")]
    [InlineData(typeof(InputRequest), """{"prompt":"Name: ","password":false}""")]
    [InlineData(typeof(InputReply), """{"value":"Ada"}""")]
    [InlineData(typeof(CompleteRequest), """{"code":"pri","cursor_pos":3}""")]
    [InlineData(typeof(CompleteReply), """{"status":"ok","matches":["print"],"cursor_start":0,"cursor_end":3,"metadata":{}}""")]
    [InlineData(typeof(InspectRequest), """{"code":"len","cursor_pos":3,"detail_level":1}""")]
    [InlineData(typeof(InspectReply), """{"status":"ok","found":true,"data":{"text/plain":"len(obj)"},"metadata":{}}""")]
    [InlineData(typeof(HistoryReply), """{"status":"ok","history":[[0,1,"a"],[0,2,["b","out"]]]}""")]
    [InlineData(typeof(CommInfoRequest), """{"target_name":"jupyter.widget"}""")]
    [InlineData(typeof(CommInfoReply), """{"status":"ok","comms":{"c1":{"target_name":"jupyter.widget"}}}""")]
    [InlineData(typeof(CommOpen), """{"comm_id":"c1","target_name":"t","target_module":"m","data":{"state":{}}}""")]
    [InlineData(typeof(CommMsg), """{"comm_id":"c1","data":{"method":"update"}}""")]
    [InlineData(typeof(CommClose), """{"comm_id":"c1","data":{}}""")]
    [InlineData(typeof(ShutdownRequest), """{"restart":true}""")]
    [InlineData(typeof(ShutdownReply), """{"status":"ok","restart":false}""")]
    [InlineData(typeof(InterruptRequest), """{}""")]
    [InlineData(typeof(InterruptReply), """{"status":"ok"}""")]
    [InlineData(typeof(KernelInfoRequest), """{}""")]
    [InlineData(typeof(IsCompleteRequest), """{"code":"for x in y:"}""")]
    public void Model_RoundTrips_KeepingUnknownFields(Type type, string json)
    {
        var withUnknown = json == "{}" ? """{"zz_unknown":{"n":[1,2]}}""" : json[..^1] + ""","zz_unknown":{"n":[1,2]}}""";
        var typeInfo = Json.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in MessagingJsonContext");

        var model = (MessageContent)JsonSerializer.Deserialize(withUnknown, typeInfo)!;
        var written = JsonSerializer.Serialize(model, typeInfo);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(withUnknown), JsonNode.Parse(written)), $"{type.Name}: {withUnknown} became {written}");
        Assert.True(model.Extra?.ContainsKey("zz_unknown"), $"{type.Name} lost the unknown field");
    }
}
