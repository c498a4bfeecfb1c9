using System.Text;

namespace Quire.Cli.Hosting;

/// <summary>
/// The standard streams a command uses. Commands never touch <see cref="Console"/> directly, so tests run them in
/// process with in-memory streams.
/// </summary>
public sealed class CliConsole
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public CliConsole(Stream standardInput, Stream standardOutput, TextWriter error, bool colors)
    {
        StandardInput = standardInput;
        StandardOutput = standardOutput;
        Out = new StreamWriter(standardOutput, Utf8NoBom, bufferSize: 4096, leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        Error = error;
        Colors = colors;
    }

    public Stream StandardInput { get; }

    /// <summary>Raw standard output, for commands that write notebook bytes (flush <see cref="Out"/> first).</summary>
    public Stream StandardOutput { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Whether to colour terminal output (a terminal, and NO_COLOR unset).</summary>
    public bool Colors { get; }

    public static CliConsole System()
    {
        var colors = !global::System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var error = new StreamWriter(global::System.Console.OpenStandardError(), Utf8NoBom) { AutoFlush = true, NewLine = "\n" };
        return new CliConsole(global::System.Console.OpenStandardInput(), global::System.Console.OpenStandardOutput(), error, colors);
    }

    /// <summary>Reads all of standard input.</summary>
    public async Task<byte[]> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await StandardInput.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Writes bytes to standard output after any pending text.</summary>
    public async Task WriteBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        await StandardOutput.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await StandardOutput.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
