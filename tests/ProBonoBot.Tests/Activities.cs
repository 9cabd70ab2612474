using System.Text.Json.Nodes;

namespace ProBonoBot.Tests;

/// <summary>Activities shaped like Teams sends them, addressed to the test host's fake connector.</summary>
public static class Activities
{
    public const string UserAad = "6f1c0b6e-0000-4000-8000-000000000020";
    public const string UserId = "29:1AbCdEfGhIjKlMnOp";

    public static JsonObject Personal(string serviceUrl, string type, string conversationId = "a:personal-1", string locale = "en-US", string? id = null,
        string fromAad = UserAad, string fromId = UserId, string fromName = "Haruka Sato") => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-22T01:02:03.456Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName, ["aadObjectId"] = fromAad },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = BotHost.TenantId, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotHost.BotId, ["name"] = "ProBonoBot" },
        ["locale"] = locale,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BotHost.TenantId } },
    };

    public static JsonObject Message(string serviceUrl, string text, string locale = "en-US", string? id = null, string conversationId = "a:personal-1",
        string fromAad = UserAad, string fromId = UserId, string fromName = "Haruka Sato")
    {
        var activity = Personal(serviceUrl, "message", conversationId, locale, id, fromAad, fromId, fromName);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    public static JsonObject InstallationUpdate(string serviceUrl, string action, string conversationId = "a:personal-1", string locale = "en-US")
    {
        var activity = Personal(serviceUrl, "installationUpdate", conversationId, locale);
        activity["action"] = action;
        return activity;
    }

    public static JsonObject BotAdded(string serviceUrl, string conversationId = "a:personal-1", string locale = "en-US")
    {
        var activity = Personal(serviceUrl, "conversationUpdate", conversationId, locale);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId }, new JsonObject { ["id"] = BotHost.BotId });
        return activity;
    }

    public static JsonObject TeamInstall(string serviceUrl, string teamId = "19:team0123@thread.tacv2", string locale = "ja-JP") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = "someone-without-settings" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = BotHost.TenantId, ["id"] = teamId },
        ["recipient"] = new JsonObject { ["id"] = BotHost.BotId, ["name"] = "ProBonoBot" },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHost.BotId }),
        ["locale"] = locale,
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = "プロボノ部", ["aadGroupId"] = "00000000-0000-0000-0000-000000000031" },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = BotHost.TenantId },
        },
    };

    /// <summary>An Action.Submit from a card in a 1:1 chat.</summary>
    public static JsonObject Submit(string serviceUrl, JsonObject value, string conversationId = "a:personal-1", string fromAad = UserAad,
        string fromId = UserId, string fromName = "Haruka Sato", string? replyToId = "card-1")
    {
        var activity = Message(serviceUrl, string.Empty, conversationId: conversationId, fromAad: fromAad, fromId: fromId, fromName: fromName);
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>An Action.Execute click (adaptiveCard/action invoke) on a card in a team channel.</summary>
    public static JsonObject ChannelInvoke(string serviceUrl, string verb, JsonObject data, string fromAad, string fromId, string fromName,
        string teamId = "19:team0123@thread.tacv2")
    {
        var activity = ChannelMessage(serviceUrl, string.Empty, teamId);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity.Remove("entities");
        activity["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName, ["aadObjectId"] = fromAad };
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        activity["replyToId"] = "announcement-1";
        return activity;
    }

    public static JsonObject ChannelMessage(string serviceUrl, string text, string teamId = "19:team0123@thread.tacv2") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["text"] = $"<at>ProBonoBot</at> {text}",
        ["from"] = new JsonObject { ["id"] = "29:other", ["name"] = "Kenji Tanaka", ["aadObjectId"] = "aad-kenji" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = BotHost.TenantId, ["id"] = teamId + ";messageid=1763600523456" },
        ["recipient"] = new JsonObject { ["id"] = BotHost.BotId, ["name"] = "ProBonoBot" },
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ProBonoBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotHost.BotId, ["name"] = "ProBonoBot" },
        }),
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = teamId },
            ["channel"] = new JsonObject { ["id"] = teamId },
            ["tenant"] = new JsonObject { ["id"] = BotHost.TenantId },
        },
    };

    /// <summary>A valid new-project form as a leader submits it (Action.Submit value).</summary>
    public static JsonObject ProjectForm() => new()
    {
        ["verb"] = "projectSave",
        ["title"] = "Reclaimed wood tracking app",
        ["partner"] = "Noto wood rescue team",
        ["summary"] = "They track wood from demolished homes on paper and lose its history.",
        ["objective"] = "A simple app that keeps each beam's history.",
        ["deliverables"] = "Web app and an operations manual",
        ["roles"] = "Data analyst | Excel, SQL | 1\nWeb designer | Figma | 2",
        ["hours"] = "5",
        ["start"] = "2027-01-10",
        ["end"] = "2027-03-31",
        ["mode"] = "hybrid",
        ["place"] = "Wajima",
        ["language"] = "en",
    };
}
