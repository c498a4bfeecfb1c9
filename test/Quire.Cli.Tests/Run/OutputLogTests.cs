using Quire.Cli.Run;
using Quire.Notebook.Json;

namespace Quire.Cli.Tests.Run;

public sealed class OutputLogTests
{
    private static JObject Stream(string text) => JObject.Of(("output_type", "stream"), ("name", "stdout"), ("text", text));

    [Fact]
    public void A_late_output_of_the_previous_cell_is_written_under_its_own_cell_header_again()
    {
        // The next cell is sent on the previous one's reply, so its header can come before the previous cell's last output.
        using var writer = new StringWriter();
        var log = new OutputLog(writer, colors: false);

        log.CellStarted(1, 2, "a");
        log.Write(1, 2, "a", Stream("one\n"));
        log.CellStarted(2, 2, "b");
        log.Write(1, 2, "a", Stream("late\n"));
        log.Write(2, 2, "b", Stream("two\n"));

        Assert.Equal(
            "--- cell 1/2 (a) ---\none\n--- cell 2/2 (b) ---\n--- cell 1/2 (a) ---\nlate\n--- cell 2/2 (b) ---\ntwo\n",
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Outputs_of_the_cell_just_started_get_no_second_header()
    {
        using var writer = new StringWriter();
        var log = new OutputLog(writer, colors: false);

        log.CellStarted(1, 1, null);
        log.Write(1, 1, null, Stream("x\n"));
        log.Write(1, 1, null, Stream("y\n"));

        Assert.Equal("--- cell 1/1 ---\nx\ny\n", writer.ToString().ReplaceLineEndings("\n"));
    }
}
