using Quire.Notebook.Stripping;

namespace Quire.Cli.Notebooks.Strip;

/// <summary>One <c>quire nb strip</c> invocation as parsed.</summary>
internal sealed record StripRequest(
    string[] Files,
    StripOptions Options,
    bool Check,
    bool Install,
    bool Uninstall,
    string QuireCommand,
    string? Repository);
