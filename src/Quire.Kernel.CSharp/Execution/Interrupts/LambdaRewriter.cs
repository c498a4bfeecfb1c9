using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Quire.Kernel.CSharp.Execution.Interrupts;

/// <summary>
/// The second pass of <see cref="InterruptRewriter"/>, over a compiled cell: expression lambdas become block lambdas
/// starting with <c>Interrupt.Enter()</c>. Only the semantic model knows whether <c>x =&gt; F(x)</c> returns a value
/// (so whether the block says <c>return</c>) and whether it is an expression tree, which must stay as it is.
/// </summary>
internal sealed class LambdaRewriter(SemanticModel model, CancellationToken cancellationToken) : CSharpSyntaxRewriter
{
    /// <summary>Whether a cell has expression lambdas, and so a second pass to do.</summary>
    public static bool Applies(SyntaxNode root) =>
        root.DescendantNodes().Any(n => n is LambdaExpressionSyntax { ExpressionBody: not null });

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        if (node.ExpressionBody is null)
        {
            return base.VisitSimpleLambdaExpression(node);
        }

        if (Kind(node) is not { } returnsValue)
        {
            return node;
        }

        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.WithExpressionBody(null).WithArrowToken(Arrow(visited.ArrowToken)).WithBlock(Block(visited.ArrowToken, visited.ExpressionBody!, returnsValue));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        if (node.ExpressionBody is null)
        {
            return base.VisitParenthesizedLambdaExpression(node);
        }

        if (Kind(node) is not { } returnsValue)
        {
            return node;
        }

        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.WithExpressionBody(null).WithArrowToken(Arrow(visited.ArrowToken)).WithBlock(Block(visited.ArrowToken, visited.ExpressionBody!, returnsValue));
    }

    /// <summary>
    /// Whether the lambda's block must return its expression; null to leave the lambda (and what it contains) alone:
    /// an expression tree, or a lambda the compiler could not bind.
    /// </summary>
    private bool? Kind(LambdaExpressionSyntax lambda)
    {
        var converted = model.GetTypeInfo(lambda, cancellationToken).ConvertedType;
        if (converted is null or IErrorTypeSymbol || IsExpressionTree(converted))
        {
            return null;
        }

        if (model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        if (method.ReturnsVoid)
        {
            return false;
        }

        // An async lambda returning a plain Task (or another non-generic task type) has nothing to return.
        return !method.IsAsync || method.ReturnType is INamedTypeSymbol { IsGenericType: true };
    }

    private static bool IsExpressionTree(ITypeSymbol type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (t is { Name: "Expression" or "LambdaExpression", ContainingNamespace: { Name: "Expressions", ContainingNamespace.Name: "Linq" } })
            {
                return true;
            }
        }

        return false;
    }

    // The arrow stays (a block lambda keeps its =>); its trivia moves to the block's braces.
    private static SyntaxToken Arrow(SyntaxToken arrow) => arrow.WithTrailingTrivia(SyntaxFactory.Space);

    private static BlockSyntax Block(SyntaxToken arrow, ExpressionSyntax body, bool returnsValue)
    {
        var block = InterruptCalls.ToBlock(arrow, body, default, returnsValue, InterruptCalls.Enter());
        return block.WithOpenBraceToken(block.OpenBraceToken.WithLeadingTrivia());
    }
}
