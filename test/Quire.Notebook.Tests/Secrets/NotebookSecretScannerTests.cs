using Quire.Notebook.Format;
using Quire.Notebook.Secrets;

namespace Quire.Notebook.Tests.Secrets;

public sealed class NotebookSecretScannerTests
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static readonly string Notebook = """
        {"cells":[
         {"cell_type":"code","execution_count":1,"id":"c1","metadata":{},"source":["import os\n","key = 'AKIAZ3MPLQ7RTWX4QK2B'\n"],
          "outputs":[
           {"output_type":"stream","name":"stdout","text":["ok\n","token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\n"]},
           {"output_type":"display_data","metadata":{},"data":{"image/png":"PNG_DATA","text/plain":["<Figure>"],
            "application/json":{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n"}}},
           {"output_type":"error","ename":"E","evalue":"v","traceback":["line one\nline two","x = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'"]}]},
         {"cell_type":"markdown","id":"m1","metadata":{"api_key":"Ab12Cd34Ef56Gh78Ij90Kl"},"source":"clean text",
          "attachments":{"a.png":{"image/png":"PNG_DATA"},"n.txt":{"text/plain":"xoxb-2938475610-AbCdEfGhIjKl"}}}],
        "metadata":{"conn":"postgresql://u:S3cr3tPw@h/db"},"nbformat":4,"nbformat_minor":5}
        """.Replace("PNG_DATA", Png, StringComparison.Ordinal);

    [Fact]
    public void Scan_ReportsEveryPlace_WithPositions()
    {
        var result = NotebookSecretScanner.Scan(NotebookReader.Read(Notebook).Document);

        var found = result.Findings.Select(f => $"{f.CellIndex}|{f.CellId}|{f.Where}|{f.Line}:{f.Column}|{f.RuleId}|{f.JsonPath}").ToArray();
        Assert.Equal(
        [
            "||metadata|1:16|url-password|/metadata/conn",
            "0|c1|source|2:8|aws-access-key-id|/cells/0/source",
            "0|c1|output 0|2:7|github-token|/cells/0/outputs/0/text",
            "0|c1|output 1|1:1|gcp-service-account|/cells/0/outputs/1/data/application~1json/private_key",
            "0|c1|output 2|3:6|stripe-live-key|/cells/0/outputs/2/traceback/1",
            "1|m1|metadata|1:1|generic-secret|/cells/1/metadata/api_key",
            "1|m1|attachment|1:1|slack-token|/cells/1/attachments/n.txt/text~1plain",
        ], found);
    }

    [Fact]
    public void Scan_RedactedNotebook_IsClean_AndKeepsEverythingElse()
    {
        var document = NotebookReader.Read(Notebook).Document;

        var redacted = NotebookSecretScanner.Scan(document).Redacted;
        var text = NotebookWriter.ToText(redacted);

        Assert.True(NotebookSecretScanner.Scan(redacted).IsClean);
        Assert.Contains("key = '<redacted:aws-access-key-id>'", text, StringComparison.Ordinal);
        Assert.Contains("postgresql://u:<redacted:url-password>@h/db", text, StringComparison.Ordinal);
        Assert.Contains(Png, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAZ3MPLQ7RTWX4QK2B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CleanNotebook_ReturnsTheSameDocument()
    {
        var document = NotebookReader.Read("""{"cells":[{"cell_type":"markdown","id":"a","metadata":{},"source":"hi"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""").Document;

        var result = NotebookSecretScanner.Scan(document);

        Assert.True(result.IsClean);
        Assert.Same(document, result.Redacted);
    }
}
