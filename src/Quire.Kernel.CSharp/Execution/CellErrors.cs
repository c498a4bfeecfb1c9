using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Turns compile errors and exceptions into Jupyter errors whose tracebacks point into the cells: "cell [3], line 2",
/// never Roslyn's generated submission classes or the kernel's own frames.
/// </summary>
internal static class CellErrors
{
    // Runaway recursion leaves a frame per call: the first few say enough, as Python's "repeated N more times" does.
    private const int MaxRepeats = 3;

    public static ExecutionOutcome FromCompilation(CompilationErrorException exception)
    {
        var errors = exception.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var lines = errors.Select(Describe).ToArray();
        return ExecutionOutcome.Error("CompilationError", lines.FirstOrDefault() ?? exception.Message, lines);
    }

    /// <summary>
    /// The error of an exception a cell threw: <paramref name="lines"/> finds the cell line of a frame in cell code,
    /// <paramref name="cellOf"/> names the cell a compilation (<c>cell#ID</c>) ran as.
    /// </summary>
    public static ExecutionOutcome FromException(Exception exception, CellLines? lines = null, Func<int, long?>? cellOf = null)
    {
        if (exception is System.Reflection.TargetInvocationException { InnerException: { } invoked })
        {
            exception = invoked;
        }

        if (exception is InsufficientExecutionStackException)
        {
            // Its stack trace has a frame per call (hundreds of thousands), too slow to format and too long to read.
            return ExecutionOutcome.Error(exception.GetType().Name, exception.Message,
                [$"{exception.GetType().FullName}: {exception.Message}", "   a method of the cell recursed too deeply: is a base case missing?"]);
        }

        var traceback = new List<string>();
        Describe(exception, lines, cellOf ?? (_ => null), traceback, indent: string.Empty);
        return ExecutionOutcome.Error(exception.GetType().Name, exception.Message, traceback);
    }

    /// <summary>"(3,5): error CS0103: The name 'x' does not exist in the current context" — line and column in the cell.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location.IsInSource ? $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " : string.Empty;
        return $"{where}{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static void Describe(Exception exception, CellLines? lines, Func<int, long?> cellOf, List<string> traceback, string indent)
    {
        traceback.Add($"{indent}{exception.GetType().FullName}: {exception.Message}");
        traceback.AddRange(Collapse(CellFrames(exception, lines, cellOf)).Select(f => indent + f));
        var inners = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } inner ? [inner] : [];
        foreach (var cause in inners)
        {
            traceback.Add($"{indent} ---> (inner exception)");
            Describe(cause, lines, cellOf, traceback, indent + "  ");
        }
    }

    private static IEnumerable<string> Collapse(IEnumerable<string> frames)
    {
        string? last = null;
        var repeats = 0;
        foreach (var frame in frames)
        {
            if (frame == last)
            {
                repeats++;
                if (repeats < MaxRepeats)
                {
                    yield return frame;
                }

                continue;
            }

            if (repeats >= MaxRepeats)
            {
                yield return $"   [previous line repeated {repeats - MaxRepeats + 1} more times]";
            }

            last = frame;
            repeats = 0;
            yield return frame;
        }

        if (repeats >= MaxRepeats)
        {
            yield return $"   [previous line repeated {repeats - MaxRepeats + 1} more times]";
        }
    }

    private static IEnumerable<string> CellFrames(Exception exception, CellLines? lines, Func<int, long?> cellOf)
    {
        // The frames of cell code, in the order the text lists them: their methods and IL offsets give their lines.
        var inCells = new Queue<StackFrame>(lines is null ? [] : new StackTrace(exception, fNeedFileInfo: false).GetFrames().Where(IsInCell));
        foreach (var line in (exception.StackTrace ?? string.Empty).Split('\n'))
        {
            var frame = line.Trim();
            if (frame.Contains("Submission#", StringComparison.Ordinal))
            {
                // Roslyn's generated frames (the submission's factory, an async method's start) have no line: left out.
                if (lines is not null && Next(inCells, frame) is { } cellFrame && lines.Locate(cellFrame.GetMethod()!, cellFrame.GetILOffset()) is { } at)
                {
                    var cell = cellOf(at.Id) is { } count ? $"cell [{count}]" : "cell";
                    yield return $"   at {Method(frame)} in {cell}, line {at.Line}";
                }
            }
            else if (!frame.StartsWith("at Microsoft.CodeAnalysis", StringComparison.Ordinal)
                && !frame.StartsWith("at Quire.", StringComparison.Ordinal) && !frame.StartsWith("--- End of stack trace", StringComparison.Ordinal)
                && !frame.StartsWith("at System.Runtime.CompilerServices", StringComparison.Ordinal)
                && !frame.StartsWith("at System.Threading.ExecutionContext", StringComparison.Ordinal) && frame.Length > 0)
            {
                // Library frames (List<T>, LINQ, ...) between user frames help the reader: keep them.
                yield return "   " + frame;
            }
        }
    }

    /// <summary>A frame of a submission's class or of a class nested in it (closures, state machines).</summary>
    private static bool IsInCell(StackFrame frame)
    {
        var type = frame.GetMethod()?.DeclaringType;
        while (type?.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type?.FullName?.StartsWith("Submission#", StringComparison.Ordinal) == true;
    }

    /// <summary>The cell frame that the text line <paramref name="text"/> shows (frames the text hides are skipped).</summary>
    private static StackFrame? Next(Queue<StackFrame> frames, string text)
    {
        while (frames.TryDequeue(out var frame))
        {
            if (text.Contains("." + frame.GetMethod()!.Name, StringComparison.Ordinal))
            {
                return frame;
            }
        }

        return null;
    }

    private static string Method(string frame)
    {
        // "at Submission#0.<<Initialize>>d__0.MoveNext() in cell#1:line 3" → top-level code; "at Submission#0.Divide(Int32 a)" → Divide(Int32 a).
        var at = frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
        var end = at.IndexOf(" in ", StringComparison.Ordinal);
        var method = end > 0 ? at[..end] : at;
        if (method.Contains("<Initialize>", StringComparison.Ordinal))
        {
            return method.Contains(">b__", StringComparison.Ordinal) ? "<lambda>" : "<cell>";
        }

        var dot = method.IndexOf('.', StringComparison.Ordinal);
        return method.StartsWith("Submission#", StringComparison.Ordinal) && dot > 0 ? method[(dot + 1)..] : method;
    }
}
