using System.Security.Cryptography;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Json;
using Quire.Notebook.Validation;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>Reading: models of directories, files and notebooks (GET).</summary>
internal sealed partial class ContentsManager
{
    private const int MaxValidationIssues = 20;

    /// <summary>Notebooks up to this size are read synchronously.</summary>
    private const long SmallNotebookBytes = 2 * 1024 * 1024;

    /// <summary>From this size, a notebook's trust and validity are checked in parallel.</summary>
    private const long ParallelCheckBytes = 1024 * 1024;

    /// <summary>
    /// The model of a path, with its content when asked, in the requested type and format. A notebook read unchanged
    /// since the last time may come with its content already rendered (<see cref="ContentsModel.RenderedContent"/>).
    /// </summary>
    public async Task<ContentsModel> GetAsync(string? rawPath, string? type, string? format, bool content, bool hash, CancellationToken cancellationToken)
    {
        var path = root.Resolve(rawPath);
        if (root.IsRefusedAsHidden(path.ApiPath))
        {
            // Worded as jupyter_server's handler words it, which does not say "hidden" (GHSA-q874-g24w-4q9g).
            throw ApiException.NotFound($"file or directory {PythonRepr.Of("/" + path.ApiPath)} does not exist");
        }

        if (Directory.Exists(path.FullPath))
        {
            if (type is not (null or "directory"))
            {
                throw new ApiException(400, $"{path.ApiPath} is a directory, not a {type}", "bad type");
            }

            return DirectoryModel(path, content);
        }

        if (!File.Exists(path.FullPath))
        {
            throw DoesNotExist(path.ApiPath);
        }

        if (type == "directory")
        {
            throw new ApiException(400, $"{path.ApiPath} is not a directory", "bad type");
        }

        return await GuardAsync("reading", path, () => type == "notebook" || (type is null && IsNotebookName(path.ApiPath))
            ? NotebookModelAsync(path, content, hash, cancellationToken)
            : FileModelAsync(path, content, format, hash, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The model without content of something that exists (after a write).</summary>
    public ContentsModel Describe(ContentsPath path) =>
        Directory.Exists(path.FullPath) ? DirectoryModel(path, content: false)
        : IsNotebookName(path.ApiPath) ? BaseModel(path, new FileInfo(path.FullPath), "notebook")
        : BaseModel(path, new FileInfo(path.FullPath), "file") with { Mimetype = MimeTypes.ModelType(path.Name) };

    public static bool IsNotebookName(string apiPath) => apiPath.EndsWith(".ipynb", StringComparison.Ordinal);

    private static ContentsModel BaseModel(ContentsPath path, FileSystemInfo info, string type)
    {
        if (!info.Exists)
        {
            throw DoesNotExist(path.ApiPath);
        }

        return new ContentsModel
        {
            Name = path.Name,
            Path = path.ApiPath,
            Type = type,
            Writable = IsWritable(info),
            Created = Clamp(info.CreationTimeUtc),
            LastModified = Clamp(info.LastWriteTimeUtc),
            Size = info is FileInfo file ? file.Length : null,
        };
    }

    private static async Task<ContentsModel> FileModelAsync(ContentsPath path, bool content, string? format, bool hash, CancellationToken cancellationToken)
    {
        var model = BaseModel(path, new FileInfo(path.FullPath), "file") with { Mimetype = MimeTypes.ModelType(path.Name) };
        if (!content && !hash)
        {
            return model;
        }

        var bytes = await File.ReadAllBytesAsync(path.FullPath, cancellationToken).ConfigureAwait(false);
        if (hash)
        {
            model = WithHash(model, bytes);
        }

        if (!content)
        {
            return model;
        }

        var (text, actual) = FileContent.Encode(bytes, format, path.ApiPath);
        return model with
        {
            Content = text,
            Format = actual,
            Mimetype = model.Mimetype ?? (actual == "text" ? "text/plain" : "application/octet-stream"),
        };
    }

    private async Task<ContentsModel> NotebookModelAsync(ContentsPath path, bool content, bool hash, CancellationToken cancellationToken)
    {
        var model = BaseModel(path, new FileInfo(path.FullPath), "notebook");
        if (!content && !hash)
        {
            return model;
        }

        var cacheable = model.Size <= NotebookResponseCache.MaxFileBytes && !overlay.MayChange(path.ApiPath);
        if (content && !hash && cacheable
            && await responses.FindAsync(path.ApiPath, path.FullPath, model.Size ?? 0).ConfigureAwait(false) is { } cached
            && (cached.Signature is null || notary.IsTrusted(cached.Signature) == cached.Trusted))
        {
            return Rendered(model, cached);
        }

        // A small notebook is read synchronously: microseconds from the page cache, where the asynchronous read's
        // trip through the thread pool cost more than the read itself on every GET.
        var bytes = model.Size <= SmallNotebookBytes
            ? File.ReadAllBytes(path.FullPath)
            : await File.ReadAllBytesAsync(path.FullPath, cancellationToken).ConfigureAwait(false);
        if (hash)
        {
            model = WithHash(model, bytes);
        }

        if (!content)
        {
            return model;
        }

        if (bytes.Length > NotebookResponseCache.MaxFileBytes || !cacheable)
        {
            var notebook = Parse(bytes, path);
            var (trusted, _, message) = await CheckAsync(notebook, bytes.Length).ConfigureAwait(false);
            notebook = NotebookTrust.MarkCells(overlay.Apply(path.ApiPath, notebook), trusted);
            return model with { Content = notebook.Json, Format = "json", Message = message };
        }

        var entry = await RenderAsync(bytes, Parse(bytes, path)).ConfigureAwait(false);
        responses.Store(path.ApiPath, entry);
        return Rendered(model, entry);
    }

    private static ContentsModel Rendered(ContentsModel model, NotebookResponseEntry entry) =>
        model with { RenderedContent = entry.Content, Format = "json", Message = entry.Message };

    /// <summary>
    /// The notebook read from <paramref name="file"/> as a GET returns it, for the response cache (recorded outputs
    /// are never part of it: the cache is not used while there are any to merge).
    /// </summary>
    private async Task<NotebookResponseEntry> RenderAsync(byte[] file, NotebookDocument notebook)
    {
        var (trusted, signature, message) = await CheckAsync(notebook, file.Length).ConfigureAwait(false);
        var rendered = new RenderedJson();
        using (var writer = new PythonJsonWriter(rendered, indent: -1))
        {
            writer.Write(NotebookTrust.MarkCells(notebook, trusted).Json);
            writer.Flush();
        }

        return new NotebookResponseEntry(file, signature, trusted, rendered, message);
    }

    /// <summary>
    /// Trust and validation of a read notebook. For a large one the signature's HMAC runs on another thread while the
    /// schema is checked: both only read the tree.
    /// </summary>
    private async Task<(bool Trusted, string? Signature, string? Message)> CheckAsync(NotebookDocument notebook, long size)
    {
        var signing = size >= ParallelCheckBytes ? Task.Run(() => notary.Check(notebook)) : null;
        var message = ValidationMessage(NotebookValidator.Validate(notebook));
        var (trusted, signature) = signing is null ? notary.Check(notebook) : await signing.ConfigureAwait(false);
        return (trusted, signature, message);
    }

    private static NotebookDocument Parse(byte[] bytes, ContentsPath path)
    {
        try
        {
            return NotebookReader.Read(bytes, path.ApiPath).Document;
        }
        catch (NotebookFormatException ex)
        {
            throw ApiException.BadRequest($"Unreadable Notebook: {path.ApiPath} {ex.Message}");
        }
    }

    private static string? ValidationMessage(IReadOnlyList<ValidationIssue> issues) =>
        issues.Count == 0
            ? null
            : "Notebook validation failed: " + string.Join("\n", issues.Take(MaxValidationIssues))
              + (issues.Count > MaxValidationIssues ? $"\n… and {issues.Count - MaxValidationIssues} more" : string.Empty);

    private static ContentsModel WithHash(ContentsModel model, byte[] bytes) =>
        model with { Hash = Convert.ToHexStringLower(SHA256.HashData(bytes)), HashAlgorithm = "sha256" };

    private static bool IsWritable(FileSystemInfo info)
    {
        if (OperatingSystem.IsWindows())
        {
            return !info.Attributes.HasFlag(FileAttributes.ReadOnly);
        }

        // An approximation of access(W_OK) without the owner's uid: root writes anything, others their u+w files.
        return Environment.IsPrivilegedProcess || info.UnixFileMode.HasFlag(UnixFileMode.UserWrite);
    }

    // As jupyter_server, a timestamp Python cannot represent becomes the epoch rather than an error.
    private static DateTime Clamp(DateTime utc) => utc.Year is < 1 or > 9999 ? DateTime.UnixEpoch : utc;
}
