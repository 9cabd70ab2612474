using System.Security.Claims;

namespace ProBonoBot.Protocol.Auth;

/// <summary>The outcome of authenticating one inbound request.</summary>
public sealed record AuthResult(bool Succeeded, string? Failure, ClaimsIdentity? Identity, bool Anonymous = false)
{
    public static AuthResult Fail(string reason) => new(false, reason, null);

    public static AuthResult Success(ClaimsIdentity identity) => new(true, null, identity);

    public static AuthResult AnonymousLocal { get; } = new(true, null, new ClaimsIdentity(), Anonymous: true);
}
