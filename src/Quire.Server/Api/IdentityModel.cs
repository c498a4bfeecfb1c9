using System.Security.Claims;
using System.Text.Json;
using Quire.Server.Security;

namespace Quire.Server.Api;

/// <summary>
/// The caller as <c>/api/me</c> describes it (jupyter_server's <c>User</c>: username, name, display_name, initials,
/// avatar_url, color), from the claims the authentication put on the request (see <see cref="QuireUser"/>).
/// </summary>
internal static class IdentityModel
{
    /// <summary>The user jupyter_server's token-only identity provider reports when nothing names the caller.</summary>
    public const string AnonymousUser = "anonymous";

    public static void Write(Utf8JsonWriter writer, ClaimsPrincipal user)
    {
        var identity = QuireUser.From(user) ?? new QuireUser(user.Identity?.Name ?? AnonymousUser, AnonymousUser, AnonymousUser, null, null, null);
        writer.WriteStartObject();
        writer.WriteString("username", identity.Username);
        writer.WriteString("name", identity.Name);
        writer.WriteString("display_name", identity.DisplayName);
        WriteNullable(writer, "initials", identity.Initials);
        WriteNullable(writer, "avatar_url", identity.AvatarUrl);
        WriteNullable(writer, "color", identity.Color);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
