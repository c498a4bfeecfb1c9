namespace Quire.Notebook.Signing;

/// <summary>
/// Where trusted signatures live (Python's <c>nbformat.sign.SignatureStore</c>). A notebook is trusted when the
/// signature of its content is in the store; nothing is written into the notebook itself.
/// </summary>
public interface INotebookSignatureStore
{
    /// <summary>Adds the signature; storing one already known only refreshes it (it must not fail).</summary>
    void StoreSignature(string digest, string algorithm);

    /// <summary>Whether the signature is known. Like Python, a hit refreshes the entry so culling keeps it.</summary>
    bool CheckSignature(string digest, string algorithm);

    /// <summary>Forgets the signature; removing an unknown one is not an error.</summary>
    void RemoveSignature(string digest, string algorithm);
}
