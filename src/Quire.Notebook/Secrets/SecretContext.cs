namespace Quire.Notebook.Secrets;

/// <summary>Where in the notebook the strings being scanned come from.</summary>
internal readonly record struct SecretContext(int? CellIndex, string? CellId, SecretLocation Location, int? OutputIndex);
