using System.ClientModel.Primitives;
using Azure.Core;

namespace ProBonoBot.Drafting;

/// <summary>Adds an Entra ID bearer token (Azure.Identity) to each request to Azure OpenAI; tokens are reused until 5 minutes before expiry.</summary>
public sealed class EntraTokenPolicy(TokenCredential credential, string scope) : AuthenticationPolicy
{
    // Two requests may both refresh an expiring token; that costs one extra call and needs no lock.
    private AccessToken? _token;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Set("Authorization", "Bearer " + TokenAsync(message.CancellationToken).AsTask().GetAwaiter().GetResult());
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Set("Authorization", "Bearer " + await TokenAsync(message.CancellationToken).ConfigureAwait(false));
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private async ValueTask<string> TokenAsync(CancellationToken ct)
    {
        if (_token is not { } token || token.ExpiresOn < DateTimeOffset.UtcNow.AddMinutes(5))
        {
            token = await credential.GetTokenAsync(new TokenRequestContext([scope]), ct).ConfigureAwait(false);
            _token = token;
        }

        return token.Token;
    }
}
