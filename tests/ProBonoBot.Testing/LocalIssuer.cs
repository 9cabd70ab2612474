using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProBonoBot.Testing;

/// <summary>
/// A local OpenID issuer on loopback: serves metadata and a JWKS with a freshly generated RSA key (with
/// Bot Framework style endorsements), mints tokens like the Bot Connector and Entra ID do, and answers
/// client-credentials token requests like login.microsoftonline.com.
/// </summary>
public sealed class LocalIssuer : LoopbackServer
{
    public const string BotConnectorIssuer = "https://api.botframework.com";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);
    private int _tokenRequests;

    public string KeyId { get; } = "local-key-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The channels the key endorses, as Bot Framework's JWKS lists them.</summary>
    public IList<string> Endorsements { get; } = ["msteams", "webchat"];

    /// <summary>The client-credentials requests received (form fields).</summary>
    public IList<IReadOnlyDictionary<string, string>> TokenRequests { get; } = [];

    public int TokenRequestCount => Volatile.Read(ref _tokenRequests);

    /// <summary>The access token the token endpoint hands out.</summary>
    public string IssuedAccessToken { get; set; } = "connector-token-" + Guid.NewGuid().ToString("N");

    public Uri MetadataUrl => new(BaseUri, "v1/.well-known/openidconfiguration");

    public Uri EntraMetadataUrl => new(BaseUri, "entra/v2.0/.well-known/openid-configuration");

    public Uri TokenUrl => new(BaseUri, "oauth2/v2.0/token");

    public static async Task<LocalIssuer> StartAsync()
    {
        var issuer = new LocalIssuer();
        await issuer.StartCoreAsync();
        return issuer;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(Metadata(BotConnectorIssuer)));
        app.MapGet("/entra/v2.0/.well-known/openid-configuration", () => Results.Json(Metadata("https://login.microsoftonline.com/{tenantid}/v2.0")));
        app.MapGet("/v1/.well-known/keys", () => Results.Text(Jwks(), "application/json"));
        app.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            lock (TokenRequests)
            {
                TokenRequests.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            }

            Interlocked.Increment(ref _tokenRequests);
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["access_token"] = IssuedAccessToken,
            });
        });
    }

    private Dictionary<string, object> Metadata(string issuer) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(BaseUri, "v1/.well-known/keys").ToString(),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    private string Jwks()
    {
        var p = _rsa.ExportParameters(false);
        var key = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = Endorsements.ToArray(),
        };
        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }

    /// <summary>A Bot Connector token as Teams sends it.</summary>
    public string BotConnectorToken(string appId, string serviceUrl, TimeSpan? lifetime = null, string? issuer = null, bool signWithUnknownKey = false) =>
        Mint(issuer ?? BotConnectorIssuer, appId, lifetime, signWithUnknownKey, new Dictionary<string, object>
        {
            ["serviceurl"] = serviceUrl,
            ["appid"] = "00000000-0000-0000-0000-00000000b07f",
        });

    /// <summary>
    /// An Entra ID token for a single-tenant caller (v1 <c>sts.windows.net</c> or v2 issuer); the calling app is
    /// named in <c>azp</c> (v2) or <c>appid</c> (v1), as Entra ID does.
    /// </summary>
    public string EntraToken(string tenantId, string audience, bool v2 = true, TimeSpan? lifetime = null, string callerAppId = "caller-app") =>
        Mint(v2 ? $"https://login.microsoftonline.com/{tenantId}/v2.0" : $"https://sts.windows.net/{tenantId}/",
            audience, lifetime, false, new Dictionary<string, object> { ["tid"] = tenantId, [v2 ? "azp" : "appid"] = callerAppId });

    /// <summary>
    /// A person's Entra ID token, as Teams single sign-on hands a tab (<c>getAuthToken</c>): the tenant's v2 (or v1)
    /// issuer, the tab's resource as audience, the person's <c>oid</c> and name; optionally signed with a key the
    /// metadata does not list (a forgery).
    /// </summary>
    public string UserToken(string tenantId, string audience, string oid, string name = "Test Person", bool v2 = true, bool signWithUnknownKey = false, TimeSpan? lifetime = null) =>
        Mint(v2 ? $"https://login.microsoftonline.com/{tenantId}/v2.0" : $"https://sts.windows.net/{tenantId}/",
            audience, lifetime, signWithUnknownKey, new Dictionary<string, object>
            {
                ["tid"] = tenantId, ["oid"] = oid, ["name"] = name, [v2 ? "azp" : "appid"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", ["scp"] = "access_as_user",
            });

    private string Mint(string issuer, string audience, TimeSpan? lifetime, bool unknownKey, Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        var life = lifetime ?? TimeSpan.FromHours(1);
        var expires = now + life;
        var notBefore = life < TimeSpan.Zero ? expires - TimeSpan.FromHours(1) : now.AddMinutes(-1);
        var key = new RsaSecurityKey(unknownKey ? _otherRsa : _rsa) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
