using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Quire.Server.Ui;

/// <summary>The built UI on disk: index.html (the template of every page) kept in memory and the static files.</summary>
internal sealed class UiAssets(string root)
{
    private readonly Lazy<PhysicalFileProvider?> _files = new(() => Directory.Exists(root) ? new PhysicalFileProvider(root) : null);
    private readonly FileExtensionContentTypeProvider _types = new();
    // A reference, so that concurrent requests swap it whole.
    private volatile CachedIndex? _index;

    public string Root => root;

    /// <summary>
    /// index.html's text, or null when the UI was not built (a server built without node still serves the API). Read
    /// again when a rebuild replaced it, so that the page never names hashed files that are gone.
    /// </summary>
    public async Task<string?> IndexAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.Combine(root, "index.html"));
        if (!file.Exists)
        {
            return null;
        }

        if (_index is { } cached && cached.Written == file.LastWriteTimeUtc)
        {
            return cached.Text;
        }

        var text = await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        _index = new CachedIndex(text, file.LastWriteTimeUtc);
        return text;
    }

    /// <summary>A file under <c>static/</c>; PhysicalFileProvider refuses paths that leave the folder.</summary>
    public (string Path, string ContentType)? Find(string relative)
    {
        if (_files.Value is not { } files || string.IsNullOrEmpty(relative) || relative.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var info = files.GetFileInfo("static/" + relative);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
        {
            return null;
        }

        return (info.PhysicalPath, _types.TryGetContentType(info.Name, out var type) ? type : "application/octet-stream");
    }

    private sealed record CachedIndex(string Text, DateTime Written);
}
