using Microsoft.CodeAnalysis;
using Quire.Kernel.CSharp.Display;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Packages;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Magics;

/// <summary>
/// Looks at a cell before it is compiled: a cell magic on its first line (<c>%%time</c>, <c>%%html</c>,
/// <c>%%markdown</c>), line magics on its leading lines (<c>%time</c>, <c>%who</c>, <c>%lsmagic</c>), then its
/// <c>#r "nuget: ..."</c> directives. Magic lines become blank lines, so the C# keeps its line numbers. Magics are
/// only read before the first line of C#: in C#, <c>%</c> can start a line (<c>a\n% b</c>).
/// </summary>
internal sealed class MagicDispatcher : IDisposable
{
    private readonly ScriptRunner? _runner;
    private readonly PackageManager _packages;

    /// <param name="runner">The kernel's runner: <c>%who</c> reads its variables and packages become its references.</param>
    /// <param name="packages">Where packages are restored; a fresh directory for this kernel when null.</param>
    public MagicDispatcher(ScriptRunner? runner, PackageManager? packages = null)
    {
        _runner = runner;
        _packages = packages ?? new PackageManager();
    }

    /// <summary>The C# left to compile, or <c>null</c> when the magic handled the whole cell.</summary>
    /// <exception cref="CellDirectiveException">An unknown magic, or a package that does not restore.</exception>
    public async Task<string?> PrepareCellAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        cancellationToken.ThrowIfCancellationRequested();
        var lines = execution.Code.Split('\n');
        var timed = false;
        var ranMagic = false;
        var first = lines[0].Trim();
        if (first.StartsWith("%%", StringComparison.Ordinal))
        {
            var (name, _) = Split(first[2..]);
            var body = string.Join('\n', lines.Skip(1));
            switch (name)
            {
                case "html":
                    await DisplayTextAsync(execution, MimeTypes.Html, body, cancellationToken).ConfigureAwait(false);
                    return null;
                case "markdown":
                    await DisplayTextAsync(execution, MimeTypes.Markdown, body, cancellationToken).ConfigureAwait(false);
                    return null;
                case "time":
                    timed = true;
                    lines[0] = string.Empty;
                    break;
                default:
                    throw new CellDirectiveException("UsageError", $"Cell magic `%%{name}` not found (cell magics: {string.Join(", ", MagicCatalog.CellMagics)}).");
            }
        }

        for (var i = 0; i < lines.Length && !timed; i++)
        {
            var line = lines[i].TrimStart();
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('%') || line.StartsWith("%%", StringComparison.Ordinal))
            {
                break;
            }

            var (name, argument) = Split(line[1..]);
            switch (name)
            {
                case "time":
                    // The rest of the line (and of the cell) is the code to time; its columns stay where they were.
                    var at = lines[i].IndexOf("%time", StringComparison.Ordinal);
                    lines[i] = string.Concat(lines[i].AsSpan(0, at), new string(' ', "%time".Length), lines[i].AsSpan(at + "%time".Length));
                    timed = true;
                    continue;
                case "who":
                    await WhoAsync(execution, argument, cancellationToken).ConfigureAwait(false);
                    break;
                case "lsmagic":
                    await execution.WriteStreamAsync("stdout", MagicCatalog.Listing(), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new CellDirectiveException("UsageError", $"Line magic function `%{name}` not found (line magics: {string.Join(", ", MagicCatalog.LineMagics)}).");
            }

            lines[i] = string.Empty;
            ranMagic = true;
        }

        var code = string.Join('\n', lines);
        Action<IEnumerable<MetadataReference>>? addReferences = _runner is null ? null : _runner.AddReferences;
        code = await _packages.PrepareAsync(code, execution, addReferences, cancellationToken).ConfigureAwait(false);
        if (timed)
        {
            return TimedCode.Wrap(code);
        }

        return ranMagic && code.Trim().Length == 0 ? null : code;
    }

    public void Dispose() => _packages.Dispose();

    private static (string Name, string Argument) Split(string text)
    {
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return (text[..end], text[end..].Trim());
    }

    private static ValueTask DisplayTextAsync(KernelExecution execution, string mimeType, string text, CancellationToken cancellationToken) =>
        execution.DisplayAsync(new() { [mimeType] = MimeBundle.Text(text), [MimeTypes.Plain] = MimeBundle.Text(text) }, cancellationToken: cancellationToken);

    private async Task WhoAsync(KernelExecution execution, string filter, CancellationToken cancellationToken)
    {
        if (_runner is null)
        {
            throw new CellDirectiveException("UsageError", "%who is not available: this engine does not share its variables with magics");
        }

        var variables = _runner.Variables
            .Where(v => !v.Name.StartsWith("__quire", StringComparison.Ordinal) && !v.Name.StartsWith('<'))
            .Select(v => (v.Name, Type: ValueShape.FriendlyName(v.Type)))
            .Where(v => filter.Length == 0 || filter.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(v.Type, StringComparer.Ordinal))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
        if (variables.Count == 0)
        {
            await execution.WriteStreamAsync("stdout", "Interactive namespace is empty.\n", cancellationToken).ConfigureAwait(false);
            return;
        }

        var table = new TableModel(["Variable", "Type"], [.. variables.Select(v => (IReadOnlyList<string>)[v.Name, v.Type])], variables.Count, TotalIsLowerBound: false, IsSequence: false);
        await execution.DisplayAsync(new()
        {
            [MimeTypes.Html] = MimeBundle.Text(TableRenderer.Html(table)),
            [MimeTypes.Plain] = MimeBundle.Text(TableRenderer.Text(table)),
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
