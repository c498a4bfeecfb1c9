namespace Quire.Conversion;

/// <summary>What a conversion wrote: the output file and any extracted files beside it.</summary>
public sealed record ConversionResult(string OutputPath, IReadOnlyList<string> ResourcePaths);
