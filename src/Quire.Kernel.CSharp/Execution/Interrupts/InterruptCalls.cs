using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Quire.Kernel.CSharp.Execution.Interrupts;

/// <summary>
/// Builds the calls into <see cref="Runtime.Interrupt"/> and puts them in bodies without adding a line: the call goes
/// right after the opening brace, before the brace's end of line, so every line of the cell keeps its number.
/// </summary>
internal static class InterruptCalls
{
    private static readonly ExpressionSyntax InterruptType = ParseName("global::Quire.Kernel.CSharp.Runtime.Interrupt");

    /// <summary><c>Interrupt.Check();</c>, for loop bodies and jumps.</summary>
    public static StatementSyntax Check() => Call("Check");

    /// <summary><c>Interrupt.Enter();</c>, for method and lambda bodies (adds the stack guard).</summary>
    public static StatementSyntax Enter() => Call("Enter");

    /// <summary>The block with <paramref name="call"/> as its first statement, on the line of its opening brace.</summary>
    public static BlockSyntax Prepend(BlockSyntax block, StatementSyntax call)
    {
        var open = block.OpenBraceToken;
        return block
            .WithOpenBraceToken(open.WithTrailingTrivia())
            .WithStatements(block.Statements.Insert(0, call.WithTrailingTrivia(open.TrailingTrivia)));
    }

    /// <summary>An embedded statement (a loop's body) as a block that starts with <paramref name="call"/>.</summary>
    public static BlockSyntax Guard(StatementSyntax statement, StatementSyntax call)
    {
        if (statement is BlockSyntax block)
        {
            return Prepend(block, call);
        }

        var leading = statement.GetLeadingTrivia();
        var trailing = statement.GetTrailingTrivia();
        return Block(
            Token(leading, SyntaxKind.OpenBraceToken, default),
            List([call, statement.WithLeadingTrivia().WithTrailingTrivia()]),
            Token(default, SyntaxKind.CloseBraceToken, trailing));
    }

    /// <summary>
    /// An expression body (<c>=&gt; expr;</c>) as a block that starts with <paramref name="call"/> and then returns the
    /// expression (or just evaluates it, for void bodies), on the same lines.
    /// </summary>
    public static BlockSyntax ToBlock(SyntaxToken arrow, ExpressionSyntax expression, SyntaxToken semicolon, bool returnsValue, StatementSyntax call)
    {
        var body = expression.WithoutTrivia();
        StatementSyntax statement = body switch
        {
            ThrowExpressionSyntax thrown => ThrowStatement(thrown.Expression).WithThrowKeyword(Token(SyntaxKind.ThrowKeyword).WithTrailingTrivia(Space)),
            _ when returnsValue => ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), body, Token(SyntaxKind.SemicolonToken)),
            _ => ExpressionStatement(body),
        };
        statement = statement.WithLeadingTrivia(expression.GetLeadingTrivia()).WithTrailingTrivia(expression.GetTrailingTrivia());
        var closeTrailing = semicolon.IsKind(SyntaxKind.None) ? default : semicolon.TrailingTrivia;
        return Block(
            Token(arrow.LeadingTrivia, SyntaxKind.OpenBraceToken, arrow.TrailingTrivia),
            List([call, statement]),
            Token(semicolon.LeadingTrivia, SyntaxKind.CloseBraceToken, closeTrailing));
    }

    private static ExpressionStatementSyntax Call(string method) =>
        ExpressionStatement(InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, InterruptType, IdentifierName(method))));
}
