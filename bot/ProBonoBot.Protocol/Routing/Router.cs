using System.Text.RegularExpressions;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Routing;

/// <summary>Handles a turn that needs no synchronous answer.</summary>
public delegate Task TurnHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles an invoke; its result is the HTTP answer.</summary>
public delegate Task<InvokeResponse> InvokeHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles a card button; the same handler serves Action.Execute (invoke) and Action.Submit (message).</summary>
public delegate Task<CardActionResult> CardActionHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Continues a conversation in progress (e.g. the next answer of a form); true when it handled the turn.</summary>
public delegate Task<bool> ContinuationHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>What a card action produced: a card replacing the clicked one, a short message, or an error.</summary>
public sealed record CardActionResult(System.Text.Json.Nodes.JsonObject? Card, string? Message, int ErrorStatus = 0, string? ErrorCode = null)
{
    public static CardActionResult ReplaceCard(System.Text.Json.Nodes.JsonObject card) => new(card, null);

    public static CardActionResult Say(string message) => new(null, message);

    /// <summary>The handler already answered (e.g. sent a new message); nothing more to show.</summary>
    public static CardActionResult Done { get; } = new(null, null);

    public static CardActionResult Fail(int status, string code, string message) => new(null, message, status, code);
}

/// <summary>
/// Named routes: message commands (regex), card verbs, invoke names, install and uninstall events.
/// Registering a duplicate route throws at start-up.
/// </summary>
public sealed class Router
{
    private readonly List<(string Name, Regex Pattern, TurnHandler Handler)> _messages = [];
    private readonly Dictionary<string, CardActionHandler> _cardActions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, InvokeHandler> _invokes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public TurnHandler? Installed { get; private set; }

    public TurnHandler? Uninstalled { get; private set; }

    /// <summary>conversationUpdate activities that neither add nor remove the bot.</summary>
    public TurnHandler? ConversationUpdated { get; private set; }

    public TurnHandler? Fallback { get; private set; }

    private readonly List<ContinuationHandler> _continuations = [];

    /// <summary>Messages that match no command go to these in order (the first that takes it wins), then to <see cref="Fallback"/>.</summary>
    public IReadOnlyList<ContinuationHandler> Continuations => _continuations;

    /// <summary>Every message activity before routing (e.g. to refresh the conversation reference).</summary>
    public TurnHandler? BeforeMessage { get; private set; }

    public IReadOnlyCollection<string> RouteNames => _names;

    /// <summary>Turns typed text into the form command patterns are written for (see <see cref="UseCommandText"/>).</summary>
    public Func<string, string>? CommandText { get; private set; }

    /// <summary>
    /// One normaliser for every message route (full-width letters, case, spacing, synonyms…). Routes are tried on the
    /// text as typed first, so a command that already matched keeps its groups from the original text (a need's words,
    /// a name); only text no route took as typed is tried again in its normalised form.
    /// </summary>
    public Router UseCommandText(Func<string, string> normalize)
    {
        ArgumentNullException.ThrowIfNull(normalize);
        Claim("command-text");
        CommandText = normalize;
        return this;
    }

    public Router OnMessage(string name, Regex pattern, TurnHandler handler)
    {
        Claim($"message:{name}");
        if (_messages.Any(m => m.Pattern.ToString() == pattern.ToString() && m.Pattern.Options == pattern.Options))
        {
            throw new InvalidOperationException($"Message pattern '{pattern}' is registered twice.");
        }

        _messages.Add((name, pattern, handler));
        return this;
    }

    public Router OnCardAction(string verb, CardActionHandler handler)
    {
        Claim($"card:{verb.ToUpperInvariant()}");
        _cardActions.Add(verb, handler);
        return this;
    }

    public Router OnInvoke(string name, InvokeHandler handler)
    {
        if (name == CardActionInvokeName)
        {
            throw new InvalidOperationException($"'{CardActionInvokeName}' is routed by verb: use OnCardAction.");
        }

        Claim($"invoke:{name}");
        _invokes.Add(name, handler);
        return this;
    }

    public Router OnInstalled(TurnHandler handler) => Set(handler, "installed", h => Installed = h);

    public Router OnUninstalled(TurnHandler handler) => Set(handler, "uninstalled", h => Uninstalled = h);

    /// <summary>Any other conversationUpdate: Teams' channel and team events (channelCreated, teamRenamed, …).</summary>
    public Router OnConversationUpdate(TurnHandler handler) => Set(handler, "conversation-update", h => ConversationUpdated = h);

    public Router OnUnrecognizedMessage(TurnHandler handler) => Set(handler, "fallback", h => Fallback = h);

    public Router OnEveryMessage(TurnHandler handler) => Set(handler, "before-message", h => BeforeMessage = h);

    /// <summary>A conversation in progress (a sign-up, a need being scoped) that may take an unmatched message.</summary>
    public Router OnContinuation(string name, ContinuationHandler handler)
    {
        Claim($"continuation:{name}");
        _continuations.Add(handler);
        return this;
    }

    public const string CardActionInvokeName = "adaptiveCard/action";

    /// <summary>The first message route whose pattern matches the text as typed, else the first that matches <paramref name="commandText"/>.</summary>
    public (string Name, TurnHandler Handler, Match Match)? MatchMessage(string text, string? commandText = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Match(text) ?? (commandText is not null && commandText != text ? Match(commandText) : null);
    }

    private (string Name, TurnHandler Handler, Match Match)? Match(string text)
    {
        foreach (var (name, pattern, handler) in _messages)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return (name, handler, match);
            }
        }

        return null;
    }

    public CardActionHandler? FindCardAction(string verb) => _cardActions.GetValueOrDefault(verb);

    public InvokeHandler? FindInvoke(string name) => _invokes.GetValueOrDefault(name);

    private Router Set(TurnHandler handler, string name, Action<TurnHandler> assign)
    {
        Claim(name);
        assign(handler);
        return this;
    }

    private void Claim(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"Route '{name}' is registered twice.");
        }
    }
}
