namespace Quire.Server.Sessions;

/// <summary>One row of jupyter_server's session table: a path (usually a notebook) bound to a kernel.</summary>
internal sealed record SessionRecord(string Id, string Path, string? Name, string Type, string KernelId)
{
    /// <summary>Whether outputs of its cells are recorded: JupyterLab names notebook sessions so, or the path says it.</summary>
    public bool IsNotebook => Type == "notebook" || Path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
}
