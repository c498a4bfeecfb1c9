using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Tags;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// The <c>type</c> of a match in <c>_jupyter_types_experimental</c>, from Roslyn's well-known tags. The names are the
/// language-server completion kinds in lower case, which JupyterLab's completer maps to icons.
/// </summary>
internal static class CompletionKinds
{
    private static readonly (string Tag, string Kind)[] Kinds =
    [
        (WellKnownTags.Keyword, "keyword"),
        (WellKnownTags.ExtensionMethod, "method"),
        (WellKnownTags.Method, "method"),
        (WellKnownTags.Property, "property"),
        (WellKnownTags.Field, "field"),
        (WellKnownTags.Event, "event"),
        (WellKnownTags.Local, "variable"),
        (WellKnownTags.Parameter, "variable"),
        (WellKnownTags.RangeVariable, "variable"),
        (WellKnownTags.Constant, "constant"),
        (WellKnownTags.EnumMember, "enum member"),
        (WellKnownTags.Class, "class"),
        (WellKnownTags.Structure, "struct"),
        (WellKnownTags.Interface, "interface"),
        (WellKnownTags.Enum, "enum"),
        (WellKnownTags.Delegate, "class"),
        (WellKnownTags.TypeParameter, "type parameter"),
        (WellKnownTags.Namespace, "module"),
        (WellKnownTags.Label, "text"),
        (WellKnownTags.Snippet, "snippet"),
    ];

    public static string From(ImmutableArray<string> tags)
    {
        foreach (var (tag, kind) in Kinds)
        {
            if (tags.Contains(tag))
            {
                return kind;
            }
        }

        return "text";
    }
}
