using Microsoft.Extensions.Logging;
using Quire.Notebook;
using Quire.Notebook.Signing;
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

    public bool IsTrusted(NotebookDocument notebook) => Check(notebook).Trusted;

    /// <summary>
    /// The notebook's signature (a pure function of its content and the secret) and whether the store holds it now;
    /// no signature when the notebook can never be trusted (nbformat &lt; 3) or the database is unusable.
    /// </summary>
    public (bool Trusted, string? Signature) Check(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.Format < 3 || Use<NotebookNotary?>(n => n.Notary, null) is not { } notary)
        {
            return (false, null);
        }

        // Hashed outside the lock (it is pure): only the database needs one caller at a time, and the HMAC of a large
        // notebook would otherwise hold up every other request that reads one.
        var signature = notary.ComputeSignature(notebook);
        return (IsTrusted(signature), signature);
    }

    /// <summary>Whether the store holds <paramref name="signature"/> now (the trust database may change at any time).</summary>
    public bool IsTrusted(string signature) => Use(n => n.Notary.Store.CheckSignature(signature, n.Notary.Algorithm), false);

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
