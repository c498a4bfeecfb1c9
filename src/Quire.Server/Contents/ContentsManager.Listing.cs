using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Directory models and their listings.</summary>
internal sealed partial class ContentsManager
{
    private ContentsModel DirectoryModel(ContentsPath path, bool content)
    {
        var model = BaseModel(path, new DirectoryInfo(path.FullPath), "directory");
        if (!content)
        {
            return model;
        }

        var entries = new List<JValue>();
        var children = new DirectoryInfo(path.FullPath).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var info in children)
        {
            if (EntryModel(path, info) is { } entry)
            {
                entries.Add(entry.ToJson());
            }
        }

        return model with { Content = new JArray(entries), Format = "json" };
    }

    private ContentsModel? EntryModel(ContentsPath directory, FileSystemInfo info)
    {
        var name = info.Name;
        if ((!root.AllowHidden && name.StartsWith('.')) || IsListingNoise(name))
        {
            return null;
        }

        var child = new ContentsPath(ContentsPath.Join(directory.ApiPath, name), info.FullName);
        try
        {
            if (info.LinkTarget is not null && !root.IsListable(child))
            {
                return null;
            }

            return Describe(child);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ApiException)
        {
            // Broken links, entries that vanished, unreadable ones: left out, as jupyter_server does.
            return null;
        }
    }

    // jupyter_server's default hide_globs: shown to no one, hidden files allowed or not.
    private static bool IsListingNoise(string name) =>
        name is "__pycache__" or ".DS_Store"
        || name.EndsWith(".pyc", StringComparison.Ordinal)
        || name.EndsWith(".pyo", StringComparison.Ordinal)
        || name.EndsWith('~');
}
