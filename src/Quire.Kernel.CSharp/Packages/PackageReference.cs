namespace Quire.Kernel.CSharp.Packages;

/// <summary>A NuGet package a cell asked for with <c>#r "nuget: Id, Version"</c>; no version means the latest stable.</summary>
internal sealed record PackageReference(string Id, string? Version)
{
    public const string Prefix = "nuget:";

    /// <summary>"Newtonsoft.Json 13.0.3", "Newtonsoft.Json (latest)": how messages name it.</summary>
    public string Display => Version is null ? $"{Id} (latest)" : $"{Id} {Version}";

    /// <summary>Parses what follows <c>#r</c>: <c>nuget: Id</c> or <c>nuget: Id, Version</c>; null when it is not a NuGet reference.</summary>
    public static PackageReference? Parse(string directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        var text = directive.Trim();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = text[Prefix.Length..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || parts[0].Length == 0 || parts[0].Any(c => char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '&' or '/' or '\\'))
        {
            throw new Magics.CellDirectiveException("PackageRestoreError", $"#r \"{text}\" is not a package reference: write #r \"nuget: Name\" or #r \"nuget: Name, Version\"");
        }

        var version = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        if (version is not null && version.Any(c => char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '&'))
        {
            throw new Magics.CellDirectiveException("PackageRestoreError", $"package {parts[0]}: '{version}' is not a version");
        }

        return new PackageReference(parts[0], version);
    }
}
