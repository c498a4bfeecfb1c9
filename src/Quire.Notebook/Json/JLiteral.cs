namespace Quire.Notebook.Json;

/// <summary><c>true</c>, <c>false</c> and <c>null</c>.</summary>
public sealed class JLiteral : JValue
{
    private JLiteral(JKind kind) => Kind = kind;

    public static JLiteral True { get; } = new(JKind.True);

    public static JLiteral False { get; } = new(JKind.False);

    public static JLiteral Null { get; } = new(JKind.Null);

    public override JKind Kind { get; }
}
