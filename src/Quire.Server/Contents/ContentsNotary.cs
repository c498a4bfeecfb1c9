using Microsoft.Extensions.Logging;
using Quire.Notebook;
using Quire.Notebook.Signatures;
using Quire.Server.Hosting;

namespace Quire.Server.Contents;

/// <summary>
/// Notebook signatures in Jupyter's trust database: the server's data directory when it has one, else Jupyter's own
/// (so Quire and Jupyter trust the same notebooks). Opened on first use. A broken database never fails a read or a
/// save: the notebook is then untrusted, and the problem is logged.
/// </summary>
internal sealed class ContentsNotary(QuireServerOptions options, TimeProvider time, ILogger<ContentsNotary> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private JupyterNotary? _notary;
    private bool _failed;

    public bool IsTrusted(NotebookDocument notebook) => Use(n => n.Notary.CheckSignature(notebook), false);

    public void Sign(NotebookDocument notebook) => Use(n =>
    {
        n.Notary.Sign(notebook);
        return true;
    }, false);

    public void Dispose()
    {
        lock (_gate)
        {
            _notary?.Dispose();
            _notary = null;
        }
    }

    private T Use<T>(Func<JupyterNotary, T> action, T fallback)
    {
        lock (_gate)
        {
            if (_failed)
            {
                return fallback;
            }

            try
            {
                _notary ??= JupyterNotary.Open(
                    new NotaryOptions { DataDir = options.DataDirectory ?? JupyterPaths.DataDir() },
                    time,
                    warning => ContentsLog.NotaryWarning(logger, warning));
                return action(_notary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException)
            {
                ContentsLog.NotaryFailed(logger, ex);
                _failed = _notary is null;
                return fallback;
            }
        }
    }
}
