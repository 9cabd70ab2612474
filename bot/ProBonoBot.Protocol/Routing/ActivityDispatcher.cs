using System.Text.Json;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Routing;

/// <summary>Sends one authenticated activity to the route that owns it.</summary>
public sealed class ActivityDispatcher(Router router)
{
    /// <summary>Handles an invoke synchronously: exactly one handler answers, 501 when none.</summary>
    public async Task<InvokeResponse> InvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.Name == Router.CardActionInvokeName)
        {
            if (!TryReadExecuteAction(activity.Value, out var action))
            {
                return InvokeResponse.Error(400, "BadRequest", "The card action has no verb.");
            }

            var handler = router.FindCardAction(action.Verb);
            if (handler is null)
            {
                return InvokeResponse.Error(400, "UnknownAction", $"The action '{action.Verb}' is not known.");
            }

            turn.CardAction = action;
            var result = await RunAsync(turn, $"card:{action.Verb}", () => handler(turn, cancellationToken)).ConfigureAwait(false);
            return result switch
            {
                null => InvokeResponse.Error(500, "InternalError", "The action failed."),
                { ErrorStatus: > 0 } => InvokeResponse.Error(result.ErrorStatus, result.ErrorCode ?? "Error", result.Message ?? string.Empty),
                { Card: { } card } => InvokeResponse.Card(card),
                _ => InvokeResponse.Message(result.Message ?? string.Empty),
            };
        }

        var invoke = activity.Name is null ? null : router.FindInvoke(activity.Name);
        if (invoke is null)
        {
            return InvokeResponse.NotImplemented;
        }

        return await RunAsync(turn, $"invoke:{activity.Name}", () => invoke(turn, cancellationToken)).ConfigureAwait(false)
            ?? new InvokeResponse(500, null);
    }

    /// <summary>Handles every non-invoke activity; unknown types are ignored.</summary>
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await HandleMessageAsync(turn, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await RunOptionalAsync("installed", router.Installed, turn, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate when activity.Action is "remove" or "remove-upgrade":
                await RunOptionalAsync("uninstalled", router.Uninstalled, turn, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate when activity.BotWasAdded():
                await RunOptionalAsync("installed", router.Installed, turn, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate when activity.BotWasRemoved():
                await RunOptionalAsync("uninstalled", router.Uninstalled, turn, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate:
                await RunOptionalAsync("conversation-update", router.ConversationUpdated, turn, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task HandleMessageAsync(TurnContext turn, CancellationToken ct)
    {
        await RunOptionalAsync("before-message", router.BeforeMessage, turn, ct).ConfigureAwait(false);
        if (TryReadSubmitAction(turn.Activity.Value, out var action))
        {
            await HandleSubmitAsync(turn, action, ct).ConfigureAwait(false);
            return;
        }

        if (router.CommandText is { } normalize)
        {
            turn.CommandText = normalize(turn.Text);
        }

        if (router.MatchMessage(turn.Text, turn.CommandText) is { } route)
        {
            turn.Match = route.Match;
            await RunAsync(turn, route.Name, async () => { await route.Handler(turn, ct).ConfigureAwait(false); return true; }).ConfigureAwait(false);
            return;
        }

        foreach (var continuation in router.Continuations)
        {
            if (await RunAsync(turn, "continuation", () => continuation(turn, ct)).ConfigureAwait(false))
            {
                return;
            }
        }

        await RunOptionalAsync("fallback", router.Fallback, turn, ct).ConfigureAwait(false);
    }

    private async Task HandleSubmitAsync(TurnContext turn, CardAction action, CancellationToken ct)
    {
        turn.CardAction = action;
        var handler = router.FindCardAction(action.Verb);
        if (handler is null)
        {
            await RunOptionalAsync("fallback", router.Fallback, turn, ct).ConfigureAwait(false);
            return;
        }

        var result = await RunAsync(turn, $"card:{action.Verb}", () => handler(turn, ct)).ConfigureAwait(false);
        if (result?.Card is { } card && turn.Activity.ReplyToId is { } cardActivityId)
        {
            await turn.UpdateAsync(cardActivityId, Activity.WithAdaptiveCard(card), ct).ConfigureAwait(false);
        }
        else if (result?.Card is { } newCard)
        {
            await turn.SendAsync(Activity.WithAdaptiveCard(newCard), ct).ConfigureAwait(false);
        }
        else if (result?.Message is { Length: > 0 } message)
        {
            await turn.SendAsync(new Activity { Text = message }, ct).ConfigureAwait(false);
        }
    }

    private static async Task RunOptionalAsync(string name, TurnHandler? handler, TurnContext turn, CancellationToken ct)
    {
        if (handler is not null)
        {
            await RunAsync(turn, name, async () => { await handler(turn, ct).ConfigureAwait(false); return true; }).ConfigureAwait(false);
        }
    }

    private static async Task<T?> RunAsync<T>(TurnContext turn, string name, Func<Task<T>> run)
    {
        // Only registered names reach here (a known verb, a named route): safe for logs and telemetry.
        turn.Route = name;
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The host's failure boundary logs it once, with the activity's id; here the route is added.
            throw new TurnFailedException(name, ex);
        }
    }

    /// <summary>Reads <c>value.action</c> of an adaptiveCard/action invoke.</summary>
    internal static bool TryReadExecuteAction(JsonElement? value, out CardAction action)
    {
        action = null!;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.Object
            || !a.TryGetProperty("verb", out var verb) || ReadVerb(verb) is not { } name)
        {
            return false;
        }

        var data = a.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : EmptyObject;
        action = new CardAction(name, data, IsUniversalAction: true);
        return true;
    }

    /// <summary>Reads the <c>verb</c> of an Action.Submit message's <c>value</c>.</summary>
    internal static bool TryReadSubmitAction(JsonElement? value, out CardAction action)
    {
        action = null!;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("verb", out var verb) || ReadVerb(verb) is not { } name)
        {
            return false;
        }

        action = new CardAction(name, v.Clone(), IsUniversalAction: false);
        return true;
    }

    /// <summary>A verb: a non-blank string that is valid UTF-16 (a lone surrogate escape cannot be read as text).</summary>
    private static string? ReadVerb(JsonElement verb)
    {
        if (verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return verb.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}

/// <summary>A route handler threw; the host logs it and answers without a stack trace.</summary>
public sealed class TurnFailedException : Exception
{
    public TurnFailedException(string route, Exception inner)
        : base($"The handler for '{route}' failed.", inner) => Route = route;

    public TurnFailedException()
    {
    }

    public TurnFailedException(string message)
        : base(message)
    {
    }

    public string? Route { get; }
}
