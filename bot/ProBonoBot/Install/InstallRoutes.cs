using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Welcome;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Install;

/// <summary>
/// Install and uninstall in 1:1 chats, group chats and teams: the conversation reference is stored (or
/// marked inactive) and a welcome card is sent once per install, even though Teams announces an install
/// with both installationUpdate and conversationUpdate. Every message refreshes the reference and the sender's time zone.
/// </summary>
public sealed class InstallRoutes(ConversationStore conversations, LanguageResolver languages, PersonTimeZones timeZones) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnInstalled(InstalledAsync);
        router.OnUninstalled(async (turn, ct) =>
        {
            if (turn.Activity.Conversation?.Id is { } id)
            {
                await conversations.DeactivateAsync(ConversationReference.BaseConversationId(id), ct).ConfigureAwait(false);
            }
        });
        router.OnEveryMessage(async (turn, ct) =>
        {
            if (ConversationReference.From(turn.Activity) is { } reference)
            {
                await conversations.RefreshAsync(reference, ct).ConfigureAwait(false);
            }

            await timeZones.RecordAsync(turn, ct).ConfigureAwait(false);
        });
    }

    private async Task InstalledAsync(TurnContext turn, CancellationToken ct)
    {
        if (ConversationReference.From(turn.Activity) is not { } reference
            || !await conversations.ActivateAsync(reference, ct).ConfigureAwait(false))
        {
            return;
        }

        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var inChannel = reference.ConversationType == ConversationTypes.Channel;
        var name = inChannel ? reference.TeamName : reference.ConversationType == ConversationTypes.Personal ? turn.Activity.From?.Name : null;
        var welcome = Activity.WithAdaptiveCard(WelcomeCard.Build(language, name, inChannel));

        // Post into the channel itself, not into the thread of the install event.
        welcome.Conversation = new ConversationAccount
        {
            Id = reference.ConversationId,
            ConversationType = reference.ConversationType,
            TenantId = reference.TenantId,
        };
        await turn.SendAsync(welcome, ct).ConfigureAwait(false);
    }
}
