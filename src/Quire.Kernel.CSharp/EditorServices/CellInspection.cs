using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary><c>inspect_request</c>: the signature (every overload of a method group) and the XML doc summary of the symbol at the cursor.</summary>
internal static class CellInspection
{
    private const int MaxOverloads = 24;

    private static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType
            | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static async Task<InspectReply> InspectAsync(
        SubmissionWorkspace workspace, XmlDocumentation documentation, InspectRequest request, CancellationToken cancellationToken)
    {
        var code = request.Code;
        var cursor = Math.Clamp(CodePointOffsets.ToUtf16(code, request.CursorPos), 0, code.Length);
        var document = await workspace.GetDocumentAsync(code, cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null || code.Length == 0)
        {
            return new InspectReply { Found = false };
        }

        // A cursor just past a name (where editors put it after typing) inspects that name.
        var position = cursor > 0 && (cursor == code.Length || !IsNameChar(code[cursor])) && IsNameChar(code[cursor - 1]) ? cursor - 1 : cursor;
        var token = root.FindToken(Math.Min(position, code.Length - 1));
        var symbols = SymbolsAt(model, token, cancellationToken);
        if (symbols.Count == 0)
        {
            return new InspectReply { Found = false };
        }

        var signatures = symbols.Take(MaxOverloads).Select(s => s.ToDisplayString(Signature)).ToList();
        if (symbols.Count > MaxOverloads)
        {
            signatures.Add($"(+{symbols.Count - MaxOverloads} more overloads)");
        }

        var docs = documentation.Find(symbols[0]);
        return new InspectReply
        {
            Found = true,
            Data = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["text/plain"] = Element(PlainText(signatures, docs, request.DetailLevel)),
                ["text/markdown"] = Element(Markdown(signatures, docs, request.DetailLevel)),
            },
        };
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxToken token, CancellationToken cancellationToken)
    {
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node, cancellationToken);
            if (info.Symbol is { } symbol)
            {
                return [symbol];
            }

            if (!info.CandidateSymbols.IsEmpty)
            {
                // Overloads shortest first, as documentation lists them.
                return [.. info.CandidateSymbols.OrderBy(s => s is IMethodSymbol m ? m.Parameters.Length : 0).ThenBy(s => s.ToDisplayString(Signature), StringComparer.Ordinal)];
            }

            if (model.GetDeclaredSymbol(node, cancellationToken) is { } declared)
            {
                return [declared];
            }

            // Only the innermost expression or declaration names the symbol; its parents name other things.
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)
            {
                break;
            }
        }

        return [];
    }

    private static string PlainText(List<string> signatures, DocumentationText? docs, int detailLevel)
    {
        var builder = new StringBuilder();
        builder.AppendJoin('\n', signatures).Append('\n');
        if (docs is { Summary.Length: > 0 })
        {
            builder.Append('\n').Append(docs.Summary).Append('\n');
        }

        if (detailLevel > 0 && docs is not null)
        {
            foreach (var (name, text) in docs.Parameters)
            {
                builder.Append('\n').Append(name).Append(": ").Append(text);
            }

            if (docs.Returns is { Length: > 0 } returns)
            {
                builder.Append("\nReturns: ").Append(returns);
            }
        }

        return builder.ToString().TrimEnd() + "\n";
    }

    private static string Markdown(List<string> signatures, DocumentationText? docs, int detailLevel)
    {
        var builder = new StringBuilder("```csharp\n");
        builder.AppendJoin('\n', signatures).Append("\n```\n");
        if (docs is { Summary.Length: > 0 })
        {
            builder.Append('\n').Append(docs.Summary).Append('\n');
        }

        if (detailLevel > 0 && docs is not null)
        {
            foreach (var (name, text) in docs.Parameters)
            {
                builder.Append("\n- `").Append(name).Append("`: ").Append(text);
            }

            if (docs.Returns is { Length: > 0 } returns)
            {
                builder.Append("\n\n**Returns:** ").Append(returns);
            }
        }

        return builder.ToString().TrimEnd() + "\n";
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static JsonElement Element(string text) => JsonSerializer.SerializeToElement(text, EditorJsonContext.Default.String);
}
