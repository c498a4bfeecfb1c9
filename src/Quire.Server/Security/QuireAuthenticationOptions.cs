using Microsoft.AspNetCore.Authentication;

namespace Quire.Server.Security;

/// <summary>The Quire scheme's options: none beyond the defaults, the settings come from the server's options.</summary>
public sealed class QuireAuthenticationOptions : AuthenticationSchemeOptions
{
}
