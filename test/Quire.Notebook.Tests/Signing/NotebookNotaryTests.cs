using System.Text;
using Quire.Notebook.Format;
using Quire.Notebook.Json;
using Quire.Notebook.Signing;

namespace Quire.Notebook.Tests.Signing;

public sealed class NotebookNotaryTests
{
    // Numbers of every Python kind, a key above U+FFFF next to U+FFFF, a stored signature and a cell "trusted" flag.
    private const string Sample = """
        {"cells":[{"cell_type":"code","execution_count":3,"id":"c1","metadata":{"trusted":true,"x":[1,2.50,null,false,true,1e400,-0]},"outputs":[],"source":["print(\"h\u00e9\")\n","1e3"]}],"metadata":{"signature":"sha256:ab","\u00e9":1,"z":1.0E-7,"a":1E2,"\ud83d\ude00":"emoji","\uffff":"bmp"},"nbformat":4,"nbformat_minor":5}
        """;

    [Fact]
    public void SignatureContent_MatchesPythonYieldEverything()
    {
        var document = NotebookReader.Read(Sample).Document;

        var bytes = SignatureContent.ToBytes(document.Json.With("metadata", document.Metadata.Without("signature")));

        // Printed by nbformat 5.5.0: b"".join(yield_everything(nb)) after nbformat.reads(..., as_version=4).
        const string expected = "cellscell_typecodeexecution_count3idc1metadatax12.5NoneFalseTrueinf0outputssourceprint(\"hé\")\n" +
            "1e3metadataa100.0z1e-07é1\uffffbmp😀emojinbformat4nbformat_minor5";
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ComputeSignature_MatchesPythonHmac()
    {
        var notary = new NotebookNotary("secret"u8, new MemorySignatureStore());

        var signature = notary.ComputeSignature(NotebookReader.Read(Sample).Document);

        // hmac.new(b"secret", b"".join(yield_everything(nb)), hashlib.sha256).hexdigest() in Python.
        Assert.Equal("dfc2c63f3f5aa524dc0681083fbdf5455448fb28b310abc26e6817705e08d75d", signature);
    }

    [Fact]
    public void ComputeSignature_IgnoresMetadataSignature_ButNotOtherChanges()
    {
        var notary = new NotebookNotary("k"u8, new MemorySignatureStore());
        var document = NotebookReader.Read(Sample).Document;
        var withSignature = new NotebookDocument(document.Json.With("metadata", document.Metadata.With("signature", "sha256:00")));
        var edited = new NotebookDocument(document.Json.With("metadata", document.Metadata.With("z", 2)));

        Assert.Equal(notary.ComputeSignature(document), notary.ComputeSignature(withSignature));
        Assert.NotEqual(notary.ComputeSignature(document), notary.ComputeSignature(edited));
    }

    [Fact]
    public void SignCheckUnsign_RoundTrip()
    {
        var store = new MemorySignatureStore();
        var notary = new NotebookNotary("k"u8, store);
        var document = NotebookReader.Read(Sample).Document;

        Assert.False(notary.CheckSignature(document));
        notary.Sign(document);
        Assert.True(notary.CheckSignature(document));
        Assert.False(new NotebookNotary("other"u8, store).CheckSignature(document));
        notary.Unsign(document);
        Assert.False(notary.CheckSignature(document));
    }

    [Fact]
    public void Constructor_RejectsUnknownAlgorithm()
    {
        Assert.Throws<ArgumentException>(() => new NotebookNotary("k"u8, new MemorySignatureStore(), "sha3_999"));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "0")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("1.0", "1.0")]
    [InlineData("1e16", "1e+16")]
    [InlineData("0.1", "0.1")]
    [InlineData("-1e400", "-inf")]
    public void PythonStr_FormatsNumbersAsPythonStr(string json, string expected)
    {
        var number = Assert.IsType<JNumber>(JsonParser.Parse(json));

        Assert.Equal(expected, SignatureContent.PythonStr(number));
    }

    [Fact]
    public void MemoryStore_CullsOldestQuarter_WhenFull()
    {
        var store = new MemorySignatureStore(cacheSize: 8);
        for (var i = 0; i < 7; i++)
        {
            store.StoreSignature($"d{i}", "sha256");
        }

        Assert.True(store.CheckSignature("d0", "sha256")); // d0 becomes the most recent
        store.StoreSignature("d7", "sha256");

        Assert.Equal(6, store.Count);
        Assert.True(store.CheckSignature("d0", "sha256"));
        Assert.False(store.CheckSignature("d1", "sha256"));
        Assert.False(store.CheckSignature("d2", "sha256"));
        Assert.True(store.CheckSignature("d3", "sha256"));
    }
}
