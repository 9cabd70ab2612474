using System.Text.Json.Nodes;

namespace ProBonoBot.Bench.Chaos;

/// <summary>How a step is answered: a message (one reply), a card update (a PUT of <c>replyToId</c>, or a new card), an invoke (its HTTP answer).</summary>
internal enum StepKind
{
    Message,
    CardUpdate,
    Invoke,
    Probe,
}

/// <summary>One activity a conversation sent, and what the client saw of it.</summary>
internal sealed class Step(string conversation, int index, string name, StepKind kind, string activityId, string? replyToId)
{
    public string Conversation { get; } = conversation;
    public int Index { get; } = index;
    public string Name { get; } = name;
    public StepKind Kind { get; } = kind;
    public string ActivityId { get; } = activityId;
    public string? ReplyToId { get; } = replyToId;
    public Delivery? Delivery { get; set; }
    public bool InvokeAnswered { get; set; }
    public bool TimedOut { get; set; }
}

/// <summary>A step that went through: its answer (null for an invoke, answered in the HTTP response).</summary>
internal sealed record StepResult(ConnectorEvent? Answer);

/// <summary>Who is talking: ordinary volunteers and leaders (bystanders), the flooder, or a hostile sender.</summary>
internal enum Role
{
    Volunteer,
    Leader,
    Flooder,
    Hostile,
}

internal sealed class ChaosConversation(string id, string aad, string name, Role role)
{
    public string Id { get; } = id;
    public string Aad { get; } = aad;
    public string Name { get; } = name;
    public Role Role { get; } = role;
    public List<Step> Steps { get; } = [];
    public Step? Probe { get; set; }

    /// <summary>How many answers the client has taken as answers so far (online; the books are settled afterwards).</summary>
    public int Consumed { get; set; }
}

/// <summary>
/// The ordinary flows, one script per conversation, each step sent after the previous one was answered (and a
/// short think time). Volunteers come in three kinds; leaders save and publish a project.
/// </summary>
internal sealed class ChaosFlows(ChaosActivities a, Func<ChaosConversation, string, StepKind, Func<string, JsonObject>, string?, Task<StepResult?>> step)
{
    /// <summary>Help, list, and a sign-up by card buttons (Action.Submit replying to each card), then my projects.</summary>
    public async Task VolunteerByCardsAsync(ChaosConversation c, long project)
    {
        _ = await Say(c, "help") && await Say(c, "projects")
            && await Press(c, "signUp", new JsonObject { ["verb"] = "signUp", ["project"] = project })
            && await Press(c, "role", new JsonObject { ["verb"] = "signUpAnswer", ["project"] = project, ["step"] = 0, ["role"] = "1" })
            && await Say(c, "5")
            && await Press(c, "skipNote", new JsonObject { ["verb"] = "signUpAnswer", ["project"] = project, ["step"] = 2, ["answer"] = "skip" })
            && await Press(c, "confirm", new JsonObject { ["verb"] = "signUpAnswer", ["project"] = project, ["step"] = 3, ["answer"] = "yes" })
            && await Say(c, "my projects");
    }

    /// <summary>Switches language by an Action.Execute invoke, by typing, and by an Action.Submit whose answer updates the card.</summary>
    public async Task LanguageAsync(ChaosConversation c)
    {
        var card = CardId(c, "welcome2");
        _ = await Say(c, "help")
            && await step(c, "setLanguage-invoke", StepKind.Invoke, id => a.Invoke(c.Id, c.Aad, c.Name, id, "setLanguage", new JsonObject { ["language"] = "ja" }, CardId(c, "welcome")), null) is not null
            && await Say(c, "projects")
            && await step(c, "setLanguage-submit", StepKind.CardUpdate,
                id => a.Submit(c.Id, c.Aad, c.Name, id, new JsonObject { ["verb"] = "setLanguage", ["language"] = "en" }, card), card) is not null
            && await Say(c, "my projects");
    }

    /// <summary>A typed sign-up, then withdraw, then the card refresh of the project (an invoke).</summary>
    public async Task VolunteerTypedAsync(ChaosConversation c, long project)
    {
        var n = project.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _ = await Say(c, "sign up " + n) && await Say(c, "1") && await Say(c, "5") && await Say(c, "skip") && await Say(c, "yes")
            && await Say(c, "withdraw " + n)
            && await step(c, "projectView", StepKind.Invoke, id => a.Invoke(c.Id, c.Aad, c.Name, id, "projectView", new JsonObject { ["project"] = project }, CardId(c, "announcement")), null) is not null;
    }

    /// <summary>A leader saves a project from the form and publishes it to the team channel.</summary>
    public async Task<long?> LeaderAsync(ChaosConversation c, string title)
    {
        var saved = await step(c, "projectSave", StepKind.Message, id => a.Submit(c.Id, c.Aad, c.Name, id, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = title, ["partner"] = "Chaos partner", ["summary"] = "A project saved under chaos.",
            ["roles"] = "Analyst | Excel | 3", ["hours"] = "4", ["mode"] = "remote", ["language"] = "en",
        }, CardId(c, "form")), null);
        if (saved?.Answer?.Project is not { } number)
        {
            return null;
        }

        _ = await Press(c, "projectPublish", new JsonObject { ["verb"] = "projectPublish", ["project"] = number, ["channels"] = ChaosActivities.Channel })
            && await Say(c, "projects");
        return number;
    }

    private async Task<bool> Say(ChaosConversation c, string text) =>
        await step(c, text, StepKind.Message, id => a.Message(c.Id, c.Aad, c.Name, id, text), null) is not null;

    private async Task<bool> Press(ChaosConversation c, string name, JsonObject value) =>
        await step(c, name, StepKind.Message, id => a.Submit(c.Id, c.Aad, c.Name, id, value, CardId(c, name)), null) is not null;

    private static string CardId(ChaosConversation c, string name) => $"card-{c.Id[2..]}-{name}-{c.Steps.Count}";
}
