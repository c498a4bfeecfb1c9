using System.Security.Claims;
using System.Security.Cryptography;

namespace Quire.Server.Security;

/// <summary>
/// Who made a request, as jupyter_server's <c>User</c>. A shared token or password names nobody, so, as jupyter_server,
/// each browser gets a random "Anonymous &lt;moon&gt;" user that its login cookie remembers.
/// </summary>
public sealed record QuireUser(string Username, string Name, string DisplayName, string? Initials, string? AvatarUrl, string? Color)
{
    // Jupiter's moons, as jupyter_server names its anonymous users.
    private static readonly string[] Moons =
    [
        "Adrastea", "Aitne", "Amalthea", "Ananke", "Aoede", "Arche", "Autonoe", "Callirrhoe", "Callisto", "Carme",
        "Carpo", "Chaldene", "Cyllene", "Dia", "Elara", "Erinome", "Euanthe", "Eukelade", "Euporie", "Europa",
        "Eurydome", "Ganymede", "Harpalyke", "Hegemone", "Helike", "Hermippe", "Herse", "Himalia", "Io", "Iocaste",
        "Isonoe", "Kale", "Kallichore", "Kalyke", "Kore", "Leda", "Lysithea", "Megaclite", "Metis", "Mneme",
        "Orthosie", "Pasiphae", "Pasithee", "Praxidike", "Sinope", "Sponde", "Taygete", "Thebe", "Thelxinoe",
        "Themisto", "Thyone",
    ];

    /// <summary>A fresh anonymous user: a random 32-hex-digit username and a moon's name.</summary>
    public static QuireUser NewAnonymous()
    {
        var moon = Moons[RandomNumberGenerator.GetInt32(Moons.Length)];
        var name = $"Anonymous {moon}";
        return new QuireUser(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), name, name, $"A{moon[0]}", null, null);
    }

    /// <summary>The user a principal carries, or null when it carries none.</summary>
    public static QuireUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirst(QuireClaims.Username)?.Value is not { Length: > 0 } username)
        {
            return null;
        }

        var name = principal.FindFirst(QuireClaims.Name)?.Value ?? username;
        return new QuireUser(
            username,
            name,
            principal.FindFirst(QuireClaims.DisplayName)?.Value ?? name,
            principal.FindFirst(QuireClaims.Initials)?.Value,
            principal.FindFirst(QuireClaims.AvatarUrl)?.Value,
            principal.FindFirst(QuireClaims.Color)?.Value);
    }

    /// <summary>The principal for this user, authenticated by <paramref name="method"/>.</summary>
    public ClaimsPrincipal ToPrincipal(string method)
    {
        var claims = new List<Claim>
        {
            new(QuireClaims.Username, Username),
            new(QuireClaims.Name, Name),
            new(QuireClaims.DisplayName, DisplayName),
            new(QuireClaims.AuthenticationMethod, method),
        };
        AddIfSet(claims, QuireClaims.Initials, Initials);
        AddIfSet(claims, QuireClaims.AvatarUrl, AvatarUrl);
        AddIfSet(claims, QuireClaims.Color, Color);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, QuireClaims.Scheme, QuireClaims.Username, null));
    }

    private static void AddIfSet(List<Claim> claims, string type, string? value)
    {
        if (value is not null)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
