using System.Text;
using System.Text.Json;
using Quire.Messaging.Protocol;
using Quire.Messaging.Wire;

namespace Quire.Messaging.Tests.Wire;

public sealed class HeaderReaderTests
{
    public static TheoryData<string> UsualHeaders =>
    [
        """{"msg_id":"a1","session":"s1","username":"u","date":"2024-01-01T00:00:00.000000Z","msg_type":"stream","version":"5.4"}""",
        // ipykernel's order and spacing, and a field Quire does not know (protocol 5.5).
        """{"date": "2024-01-01T00:00:00Z", "msg_id": "a2", "msg_type": "status", "session": "s1", "username": "u", "version": "5.5", "subshell_id": {"id": [1, null]}}""",
        // Escapes, in names and values, and text beyond ASCII.
        """{"msg_id":"a\u0034","ses\u0073ion":"s\u00e9","msg_type":"str\neam","username":"\u00fcser","date":"d","version":"5.3"}""",
        "{ \"msg_id\" : \"a5\" ,\n \"session\":\"\",\t\"msg_type\":\"\", \"username\":\"\",\"date\":\"\",\"version\":\"\" }",
        // Case matters: these are unknown fields, not msg_id and session.
        """{"msg_id":"a6","session":"s","msg_type":"t","username":"u","date":"d","version":"5.4","MSG_ID":"x","Session":"y"}""",
    ];

    public static TheoryData<string> UnusualHeaders =>
    [
        // Only the required fields: the serializer decides what the others become.
        """{"msg_id":"a","session":"s","msg_type":"t"}""",
        """{"msg_id":"a","session":"s","username":null,"date":"d","msg_type":"t","version":"5.4"}""",
        """{"msg_id":"a","session":"s","username":"u","date":"d","msg_type":"t","version":5.4}""",
        """{"msg_id":"a","msg_id":"b","session":"s","username":"u","date":"d","msg_type":"t","version":"5.4"}""",
        """{"msg_id":"a","session":"s","username":"u","date":"d","msg_type":"t","version":"5.4","x":1,"x":2}""",
        """{"msg_id":"a","session":"s","username":"u","date":"d","msg_type":"t","version":"5.4"} {}""",
        """{"msg_id":"a","session":"s","username":"u","date":"d","msg_type":"t","version":"5.4",}""",
        """{"msg_id":"a","session":"s","username":"u","date":"d","msg_type":"t","version":"5.4"//""",
        "{\"msg_id\":\"a\",\"session\":\"s\",\"username\":\"u\",\"date\":\"d\",\"msg_type\":\"t\",\"version\":\"5.4\"",
        """["msg_id","a"]""",
        "null",
        "",
    ];

    [Theory]
    [MemberData(nameof(UsualHeaders))]
    public void UsualHeader_IsReadAsTheSerializerReadsIt(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        var read = new HeaderReader().TryRead(utf8);
        var expected = JsonSerializer.Deserialize(utf8, MessagingJsonContext.Default.MessageHeader)!;

        Assert.NotNull(read);
        Assert.Equal(expected with { Extra = null }, read with { Extra = null });
        Assert.Equal(Extra(expected), Extra(read));
    }

    [Theory]
    [MemberData(nameof(UnusualHeaders))]
    public void UnusualHeader_IsLeftToTheSerializer(string json)
    {
        Assert.Null(new HeaderReader().TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void InvalidUtf8_IsLeftToTheSerializer_EvenWhereAValueIsCached()
    {
        var reader = new HeaderReader();
        byte[] bad = [.. Encoding.UTF8.GetBytes("{\"msg_id\":\"a\",\"session\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\",\"username\":\"u\",\"date\":\"d\",\"msg_type\":\"t\",\"version\":\"5.4\"}")];

        Assert.Null(reader.TryRead(bad));
        Assert.Null(reader.TryRead(bad));
    }

    [Fact]
    public void RepeatedValues_AreTheSameString_AndDifferentOnesAreNotConfused()
    {
        var reader = new HeaderReader();
        var headers = Enumerable.Range(0, 200)
            .Select(i => reader.TryRead(Encoding.UTF8.GetBytes(
                $$"""{"msg_id":"m{{i}}","session":"session-{{i % 50}}","username":"u","date":"d{{i}}","msg_type":"type-{{i % 7}}","version":"5.{{i % 3}}"}"""))!)
            .ToArray();

        for (var i = 0; i < headers.Length; i++)
        {
            Assert.Equal($"m{i}", headers[i].MsgId);
            Assert.Equal($"session-{i % 50}", headers[i].Session);
            Assert.Equal($"type-{i % 7}", headers[i].MsgType);
            Assert.Equal($"5.{i % 3}", headers[i].Version);
        }

        // A connection's headers repeat a handful of values: the second sighting reuses the first one's string.
        var first = reader.TryRead("""{"msg_id":"1","session":"d2c8f5a4-3b1e-4c6f-9a7d-0e5b8c1f2a3d","username":"root","date":"d","msg_type":"stream","version":"5.4"}"""u8)!;
        var second = reader.TryRead("""{"msg_id":"2","session":"d2c8f5a4-3b1e-4c6f-9a7d-0e5b8c1f2a3d","username":"root","date":"d","msg_type":"stream","version":"5.4"}"""u8)!;
        Assert.Same(first.Session, second.Session);
        Assert.Same(first.Username, second.Username);
        Assert.Same(first.MsgType, second.MsgType);
        Assert.Same(first.Version, second.Version);
        Assert.NotSame(first.MsgId, second.MsgId);
    }

    private static string Extra(MessageHeader header) =>
        header.Extra is null ? "none" : string.Join(",", header.Extra.Select(kv => $"{kv.Key}={kv.Value.GetRawText()}"));
}
