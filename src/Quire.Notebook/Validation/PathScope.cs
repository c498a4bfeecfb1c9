namespace Quire.Notebook.Validation;

/// <summary>Leaves the path step that <see cref="ValidationContext.Enter(string)"/> entered, at the end of a <c>using</c>.</summary>
internal readonly ref struct PathScope
{
    private readonly ValidationContext _context;

    public PathScope(ValidationContext context) => _context = context;

    public void Dispose() => _context.Leave();
}
