using System.Security.Cryptography;
using Quire.Notebook.Json;

namespace Quire.Notebook.Signing;

/// <summary>
/// Computes and checks notebook signatures as Jupyter's <c>nbformat.sign.NotebookNotary</c> does: an HMAC, keyed with
/// the user's secret, over <see cref="SignatureContent"/> of the notebook without <c>metadata.signature</c>. Trust is
/// membership of that digest in the store. nbformat 5.x no longer honours a signature written in the file, so neither
/// does Quire: <c>metadata.signature</c> is only left out of the hash.
/// </summary>
public sealed class NotebookNotary
{
    public const string DefaultAlgorithm = "sha256";

    private readonly byte[] _secret;

    public NotebookNotary(ReadOnlySpan<byte> secret, INotebookSignatureStore store, string algorithm = DefaultAlgorithm)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(algorithm);
        _ = HashName(algorithm);
        _secret = secret.ToArray();
        Store = store;
        Algorithm = algorithm;
    }

    /// <summary>The algorithms Quire can sign with (hashlib names, as stored in the database).</summary>
    public static IReadOnlyList<string> SupportedAlgorithms { get; } = ["md5", "sha1", "sha256", "sha384", "sha512"];

    public INotebookSignatureStore Store { get; }

    public string Algorithm { get; }

    /// <summary>The hex digest Jupyter would compute for this notebook with the same secret.</summary>
    public string ComputeSignature(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return ComputeSignature(notebook.Json);
    }

    /// <summary>The hex digest of a notebook's in-memory JSON (text joined, as <c>nbformat.read</c> leaves it).</summary>
    public string ComputeSignature(JObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.GetObject("metadata") is { } metadata && metadata.ContainsKey("signature"))
        {
            notebook = notebook.With("metadata", metadata.Without("signature"));
        }

        using var hmac = IncrementalHash.CreateHMAC(HashName(Algorithm), _secret);
        using (var sink = new HashingStream(hmac))
        {
            SignatureContent.WriteTo(notebook, sink);
        }

        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether the notebook is trusted: its signature is in the store (nbformat &lt; 3 never is).</summary>
    public bool CheckSignature(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.Format >= 3 && Store.CheckSignature(ComputeSignature(notebook), Algorithm);
    }

    /// <summary>Trusts the notebook as it is now (any change to it later breaks the trust).</summary>
    public void Sign(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.Format >= 3)
        {
            Store.StoreSignature(ComputeSignature(notebook), Algorithm);
        }
    }

    /// <summary>Removes the notebook's current signature from the store.</summary>
    public void Unsign(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        Store.RemoveSignature(ComputeSignature(notebook), Algorithm);
    }

    private static HashAlgorithmName HashName(string algorithm) => algorithm switch
    {
        "md5" => HashAlgorithmName.MD5,
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => throw new ArgumentException($"unsupported signature algorithm '{algorithm}' (supported: md5, sha1, sha256, sha384, sha512)", nameof(algorithm)),
    };
}
