using System.Runtime.ExceptionServices;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// An exception nobody catches on a thread a cell started would end the kernel and lose every variable; as in a
/// Python kernel, it is printed to the cell's stderr instead and the kernel goes on.
/// </summary>
internal static class BackgroundExceptions
{
    public static void Install()
    {
        try
        {
            ExceptionHandling.SetUnhandledExceptionHandler(Report);
        }
        catch (InvalidOperationException)
        {
            // The host process set its own handler first: it decides.
        }
    }

    private static bool Report(Exception exception)
    {
        if (AmbientCell.Current is null)
        {
            return false;
        }

        var message = exception is OperationCanceledException
            ? "a background thread of an interrupted cell stopped"
            : $"Unhandled exception in a background thread: {exception}";
        Console.Error.WriteLine(message);
        return true;
    }
}
