namespace Quire.Notebook.Secrets;

/// <summary>Which part of a notebook a secret was found in.</summary>
public enum SecretLocation
{
    Source,
    Output,
    Metadata,
    Attachment,
}
