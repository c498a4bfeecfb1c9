using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// Calls Roslyn's completion with items from unimported namespaces turned off. Those items are computed from an
/// index built in the background, so they come and go between identical requests, and accepting one in a notebook
/// would not add the using it needs. The switch is on Roslyn's internal options: when a Roslyn update moves it, the
/// public overload (with those items) is used instead.
/// </summary>
internal static class CompletionInvoker
{
    private static readonly Lazy<(MethodInfo Method, object Options)?> Internal = new(FindInternal);

    /// <summary>False when a Roslyn update moved the internal switch (a test watches this).</summary>
    public static bool TurnsOffUnimportedItems => Internal.Value is not null;

    public static Task<CompletionList> GetCompletionsAsync(CompletionService service, Document document, int position, CancellationToken cancellationToken)
    {
        if (Internal.Value is { } found)
        {
            try
            {
                var arguments = found.Method.GetParameters().Select(p => Argument(p, document, position, found.Options, cancellationToken)).ToArray();
                if (found.Method.Invoke(service, arguments) is Task<CompletionList> task)
                {
                    return task;
                }
            }
            catch (TargetInvocationException)
            {
                // Fall through to the public overload.
            }
        }

        return service.GetCompletionsAsync(document, position, cancellationToken: cancellationToken);
    }

    private static object? Argument(ParameterInfo parameter, Document document, int position, object options, CancellationToken cancellationToken) =>
        parameter.ParameterType == typeof(Document) ? document
        : parameter.ParameterType == typeof(int) ? position
        : parameter.ParameterType == options.GetType() ? options
        : parameter.ParameterType == typeof(CompletionTrigger) ? CompletionTrigger.Invoke
        : parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
        : parameter.ParameterType == typeof(ImmutableHashSet<string>) ? null
        : parameter.HasDefaultValue ? parameter.DefaultValue
        : null;

    private static (MethodInfo, object)? FindInternal()
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic;
        var optionsType = typeof(CompletionService).Assembly.GetType("Microsoft.CodeAnalysis.Completion.CompletionOptions");
        var defaults = optionsType?.GetField("Default", All | BindingFlags.Static)?.GetValue(null)
            ?? optionsType?.GetProperty("Default", All | BindingFlags.Static)?.GetValue(null);
        var clone = optionsType?.GetMethod("<Clone>$")?.Invoke(defaults, null);
        var switchOff = optionsType?.GetProperty("ShowItemsFromUnimportedNamespaces");
        var method = typeof(CompletionService).GetMethods(All | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == nameof(CompletionService.GetCompletionsAsync) && m.ReturnType == typeof(Task<CompletionList>)
                && m.GetParameters().Any(p => p.ParameterType == optionsType));
        if (clone is null || switchOff is null || method is null)
        {
            return null;
        }

        switchOff.SetValue(clone, switchOff.PropertyType == typeof(bool?) ? (bool?)false : false);

        // Providers whose items a notebook drops or never shows (indexers and operators as "this[]" and "+", snippets,
        // name suggestions for a declaration): skipping them makes every request cheaper. Absent in a later Roslyn, they
        // are simply left as they are.
        Set(optionsType!, clone, "UnnamedSymbolCompletionDisabled", true);
        Set(optionsType!, clone, "ShowNameSuggestions", false);
        if (optionsType!.GetProperty("SnippetsBehavior")?.PropertyType is { IsEnum: true } rule && Enum.TryParse(rule, "NeverInclude", out var never))
        {
            Set(optionsType!, clone, "SnippetsBehavior", never);
        }

        return (method, clone);
    }

    private static void Set(Type optionsType, object options, string name, object value)
    {
        if (optionsType.GetProperty(name) is { CanWrite: true } property && property.PropertyType == value.GetType())
        {
            property.SetValue(options, value);
        }
    }
}
