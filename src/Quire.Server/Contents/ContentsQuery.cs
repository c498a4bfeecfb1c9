using Microsoft.AspNetCore.Http;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>GET's query: <c>type</c>, <c>format</c>, <c>content</c>, <c>hash</c>, checked with jupyter_server's messages.</summary>
internal sealed record ContentsQuery(string? Type, string? Format, bool Content, bool Hash)
{
    public static ContentsQuery From(IQueryCollection query)
    {
        var type = Last(query, "type");
        if (type is not (null or "directory" or "file" or "notebook"))
        {
            throw ApiException.BadRequest($"Type {PythonRepr.Of(type)} is invalid");
        }

        var format = Last(query, "format");
        if (format is not (null or "text" or "base64"))
        {
            throw ApiException.BadRequest($"Format {PythonRepr.Of(format)} is invalid");
        }

        var content = Last(query, "content") ?? "1";
        if (content is not ("0" or "1"))
        {
            throw ApiException.BadRequest($"Content {PythonRepr.Of(content)} is invalid");
        }

        var hash = Last(query, "hash") ?? "0";
        if (hash is not ("0" or "1"))
        {
            throw ApiException.BadRequest($"Hash argument {PythonRepr.Of(hash)} is invalid. It must be '0' or '1'.");
        }

        return new ContentsQuery(type, format, content == "1", hash == "1");
    }

    // Tornado's get_query_argument takes the last of repeated values.
    private static string? Last(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 ? values[^1] : null;
}
