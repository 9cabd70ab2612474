using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Conversations;
using ProBonoBot.Hosting;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.SignUps;

/// <summary>A sign-up in the person's 1:1 chat, for <c>help</c> (what the current step asks) and <c>cancel</c> (drops it).</summary>
public sealed class SignUpFlow(SignUpSessionStore sessions, ProjectStore projects) : IConversationFlow
{
    public async Task<OpenFlow?> FindAsync(TurnContext turn, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // Typed answers are only taken in the 1:1 chat, so that is where the flow is open.
        if (!turn.IsPersonalChat() || turn.Person() is not { } person || await sessions.GetAsync(person.Aad, ct) is not { } session)
        {
            return null;
        }

        var model = await projects.CardModelAsync(session.ProjectNumber, ct);
        var s = UiText.For(language).SignUps;
        var title = Markdown.Escape(model?.Title ?? "?");
        var help = session.Step switch
        {
            SignUpStep.Role => F(s.HelpRole, session.ProjectNumber, title, model?.Roles.Count ?? 1),
            SignUpStep.Hours => F(s.HelpHours, session.ProjectNumber, title),
            SignUpStep.Note => F(s.HelpNote, session.ProjectNumber, title),
            _ => F(s.HelpConfirm, session.ProjectNumber, title),
        };
        return new OpenFlow(help, async c =>
        {
            await sessions.DeleteAsync(person.Aad, c);
            return Cancelled(language, session.ProjectNumber, model?.Title);
        });
    }

    /// <summary>What a dropped sign-up says: the project, that nothing was saved, and how to sign up again.</summary>
    public static string Cancelled(Language language, long project, string? title) =>
        F(UiText.For(language).SignUps.Cancelled, project, Markdown.Escape(title ?? "?"));
}
