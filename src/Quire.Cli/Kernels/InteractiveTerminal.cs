using Quire.Cli.Hosting;

namespace Quire.Cli.Kernels;

/// <summary>Whether <c>quire console</c> runs its REPL (a person at a terminal) or executes what is piped in.</summary>
internal static class InteractiveTerminal
{
    /// <summary>
    /// True when the command reads the process's own standard input and that is a terminal. The stream type matters
    /// because a test or host passes in-memory streams while the process itself may well sit at a terminal.
    /// </summary>
    public static bool IsAttached(CliConsole console) =>
        console.StandardInput.GetType().Assembly == typeof(Console).Assembly && !Console.IsInputRedirected;
}
