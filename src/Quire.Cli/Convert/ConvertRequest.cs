using Quire.Conversion;

namespace Quire.Cli.Convert;

/// <summary>A parsed <c>quire convert</c> command line.</summary>
internal sealed record ConvertRequest(string InputPath, ConversionFormat Format, string? OutputPath, ConversionOptions Options);
