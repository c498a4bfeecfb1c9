using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Quire.Kernel.CSharp.Execution.Interrupts;

/// <summary>
/// Makes a cell interruptible without changing what it does: every loop body and every <c>goto</c> starts with
/// <c>Interrupt.Check()</c>, and every method, local function, accessor, operator, constructor and block lambda body
/// with <c>Interrupt.Enter()</c>. Expression-bodied members become blocks (their return type says whether to
/// <c>return</c>); expression lambdas need the semantic model and are left to <see cref="LambdaRewriter"/>.
/// </summary>
internal sealed class InterruptRewriter : CSharpSyntaxRewriter
{
    private InterruptRewriter()
    {
    }

    public static SyntaxNode Rewrite(SyntaxNode root) => new InterruptRewriter().Visit(root);

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(InterruptCalls.Guard(visited.Statement, InterruptCalls.Check()));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(InterruptCalls.Guard(visited.Statement, InterruptCalls.Check()));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(InterruptCalls.Guard(visited.Statement, InterruptCalls.Check()));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(InterruptCalls.Guard(visited.Statement, InterruptCalls.Check()));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(InterruptCalls.Guard(visited.Statement, InterruptCalls.Check()));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        // A backward goto is a loop too; a block around the jump is valid wherever a statement is.
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return InterruptCalls.Guard(visited, InterruptCalls.Check());
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return visited.Body is { } body
            ? visited.WithBody(InterruptCalls.Prepend(body, InterruptCalls.Enter()))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(ToBlock(arrow, visited.SemicolonToken, ReturnsValue(visited.ReturnType, visited.Modifiers)))
                : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.Body is { } body
            ? visited.WithBody(InterruptCalls.Prepend(body, InterruptCalls.Enter()))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(ToBlock(arrow, visited.SemicolonToken, ReturnsValue(visited.ReturnType, visited.Modifiers)))
                : visited;
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var visited = (OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!;
        return visited.Body is { } body
            ? visited.WithBody(InterruptCalls.Prepend(body, InterruptCalls.Enter()))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(ToBlock(arrow, visited.SemicolonToken, ReturnsValue(visited.ReturnType, visited.Modifiers)))
                : visited;
    }

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
    {
        var visited = (ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!;
        return visited.Body is { } body
            ? visited.WithBody(InterruptCalls.Prepend(body, InterruptCalls.Enter()))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow, visited.SemicolonToken, returnsValue: true))
                : visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return visited.Body is { } body
            ? visited.WithBody(InterruptCalls.Prepend(body, InterruptCalls.Enter()))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow, visited.SemicolonToken, returnsValue: false))
                : visited;
    }

    // Finalizers are left alone: they run on the finalizer thread, where an interrupt must never throw.
    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        var returnsValue = visited.Keyword.IsKind(SyntaxKind.GetKeyword);
        return visited.Body is { } body
            ? visited.WithBody(InterruptCalls.Prepend(body, InterruptCalls.Enter()))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow, visited.SemicolonToken, returnsValue))
                : visited;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(InterruptCalls.Prepend(block, InterruptCalls.Enter())) : visited;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(InterruptCalls.Prepend(block, InterruptCalls.Enter())) : visited;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(InterruptCalls.Prepend(visited.Block, InterruptCalls.Enter()));
    }

    /// <summary>Whether <c>=&gt; expr</c> must become <c>return expr;</c>: not for void, nor for async methods returning a plain Task.</summary>
    internal static bool ReturnsValue(TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
        {
            return false;
        }

        if (!modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            return true;
        }

        var name = returnType is QualifiedNameSyntax qualified ? qualified.Right : returnType as SimpleNameSyntax;
        return name is GenericNameSyntax || name is null;
    }

    private static BlockSyntax ToBlock(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsValue) =>
        InterruptCalls.ToBlock(arrow.ArrowToken, arrow.Expression, semicolon, returnsValue, InterruptCalls.Enter());

    private static AccessorListSyntax Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon)
    {
        var body = ToBlock(arrow, semicolon, returnsValue: true);
        var trailing = body.CloseBraceToken.TrailingTrivia;
        body = body.WithOpenBraceToken(body.OpenBraceToken.WithLeadingTrivia()).WithCloseBraceToken(body.CloseBraceToken.WithTrailingTrivia());
        return SyntaxFactory.AccessorList(
            SyntaxFactory.Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, default),
            SyntaxFactory.SingletonList(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, body)),
            SyntaxFactory.Token(default, SyntaxKind.CloseBraceToken, trailing));
    }
}
