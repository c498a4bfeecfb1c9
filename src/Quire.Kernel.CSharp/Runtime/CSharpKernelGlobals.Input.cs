namespace Quire.Kernel.CSharp.Runtime;

/// <summary>Input from the frontend, and the token that an interrupt of the cell cancels.</summary>
public sealed partial class CSharpKernelGlobals
{
    /// <summary>
    /// Cancelled when the cell is interrupted: pass it to awaits that may take long (<c>await Task.Delay(5000, CancellationToken)</c>).
    /// Loops and methods written in cells stop on an interrupt without it.
    /// </summary>
    public CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>
    /// Asks the user for a line of text (<c>input_request</c>), as Python's <c>input()</c> does; with
    /// <paramref name="password"/> the frontend hides what is typed.
    /// </summary>
    /// <exception cref="Quire.Kernel.Hosting.StdinNotAllowedException">The frontend cannot answer input requests.</exception>
    public static string Input(string prompt = "", bool password = false) => ConsoleStreams.ReadInput(prompt, password);
}
