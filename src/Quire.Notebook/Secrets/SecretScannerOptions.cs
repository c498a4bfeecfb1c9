namespace Quire.Notebook.Secrets;

/// <summary>Thresholds for the generic rule (a value assigned to a secret-like name without a known format).</summary>
public sealed record SecretScannerOptions
{
    public static SecretScannerOptions Default { get; } = new();

    /// <summary>Shorter values are not reported: short random strings are too often ids, hashes of nothing, test data.</summary>
    public int MinLength { get; init; } = 16;

    /// <summary>Shannon entropy in bits per character; random base64 of this length is about 4, English words about 3.</summary>
    public double EntropyThreshold { get; init; } = 3.5;
}
