namespace Quire.Server.Contents;

/// <summary>
/// File types by extension, as Python's <c>mimetypes.guess_type</c> answers on a Debian system (its built-in table
/// plus <c>/etc/mime.types</c>), so that models' <c>mimetype</c> and <c>/files</c> Content-Types match
/// jupyter_server's. Python's answer varies with the machine's mime.types; this table does not.
/// </summary>
internal static class MimeTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain", [".text"] = "text/plain", [".c"] = "text/plain", [".h"] = "text/plain",
        [".bat"] = "text/plain", [".ksh"] = "text/plain", [".pl"] = "text/plain", [".srt"] = "text/plain",
        [".py"] = "text/x-python", [".md"] = "text/markdown", [".markdown"] = "text/markdown",
        [".html"] = "text/html", [".htm"] = "text/html", [".css"] = "text/css", [".csv"] = "text/csv",
        [".tsv"] = "text/tab-separated-values", [".js"] = "text/javascript", [".mjs"] = "text/javascript",
        [".java"] = "text/x-java", [".cpp"] = "text/x-c++src", [".hpp"] = "text/x-c++hdr", [".sh"] = "text/x-sh",
        [".tex"] = "text/x-tex", [".vtt"] = "text/vtt", [".rtx"] = "text/richtext", [".vcf"] = "text/x-vcard",
        [".sgml"] = "text/x-sgml", [".sgm"] = "text/x-sgml",
        [".json"] = "application/json", [".geojson"] = "application/geo+json", [".xml"] = "application/xml",
        [".xsl"] = "application/xml", [".pdf"] = "application/pdf", [".zip"] = "application/zip",
        [".tar"] = "application/x-tar", [".wasm"] = "application/wasm", [".sql"] = "application/sql",
        [".bin"] = "application/octet-stream", [".exe"] = "application/octet-stream", [".so"] = "application/octet-stream",
        [".dll"] = "application/octet-stream", [".o"] = "application/octet-stream", [".a"] = "application/octet-stream",
        [".h5"] = "application/x-hdf5", [".hdf"] = "application/x-hdf", [".nc"] = "application/x-netcdf",
        [".ps"] = "application/postscript", [".eps"] = "application/postscript", [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel", [".ppt"] = "application/vnd.ms-powerpoint",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".pyc"] = "application/x-python-code", [".pyo"] = "application/x-python-code",
        [".latex"] = "application/x-latex", [".webmanifest"] = "application/manifest+json",
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".jpe"] = "image/jpeg",
        [".gif"] = "image/gif", [".svg"] = "image/svg+xml", [".webp"] = "image/webp", [".avif"] = "image/avif",
        [".bmp"] = "image/bmp", [".tif"] = "image/tiff", [".tiff"] = "image/tiff", [".ico"] = "image/vnd.microsoft.icon",
        [".mp3"] = "audio/mpeg", [".wav"] = "audio/x-wav", [".ogg"] = "audio/ogg", [".opus"] = "audio/opus",
        [".aac"] = "audio/aac", [".mp4"] = "video/mp4", [".webm"] = "video/webm", [".mpeg"] = "video/mpeg",
        [".mpg"] = "video/mpeg", [".mov"] = "video/quicktime", [".avi"] = "video/x-msvideo",
    };

    private static readonly Dictionary<string, string> Encodings = new(StringComparer.OrdinalIgnoreCase)
    {
        [".gz"] = "gzip", [".tgz"] = "gzip", [".bz2"] = "bzip2", [".xz"] = "xz", [".br"] = "br", [".Z"] = "compress",
    };

    /// <summary>The type of a file name, and its compression when the last extension is one (".tar.gz": tar, gzip).</summary>
    public static (string? Type, string? Encoding) Guess(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extension = Path.GetExtension(name);
        if (Encodings.TryGetValue(extension, out var encoding))
        {
            var inner = extension.Equals(".tgz", StringComparison.OrdinalIgnoreCase) ? ".tar" : Path.GetExtension(name[..^extension.Length]);
            return (ByExtension.GetValueOrDefault(inner), encoding);
        }

        return (ByExtension.GetValueOrDefault(extension), null);
    }

    /// <summary>The model's mimetype (<c>guess_type(path)[0]</c>).</summary>
    public static string? ModelType(string name) => Guess(name).Type;
}
