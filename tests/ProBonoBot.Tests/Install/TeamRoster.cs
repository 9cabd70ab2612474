using System.Text.Json.Nodes;
using ProBonoBot.Install;
using Microsoft.Extensions.DependencyInjection;

namespace ProBonoBot.Tests.Install;

/// <summary>Team rosters as Teams lists them, member events, and a project broadcast to roster members, for the roster and chat creation tests.</summary>
internal static class TeamRoster
{
    public const string Team = "19:team0123@thread.tacv2";

    /// <summary>A team member as <c>pagedmembers</c> lists them.</summary>
    public static JsonObject Member(string key) => new()
    {
        ["id"] = $"29:{key}", ["name"] = $"Member {key}", ["aadObjectId"] = $"aad-{key}", ["tenantId"] = BotHost.TenantId, ["userRole"] = "user",
    };

    public static IReadOnlyList<JsonObject> Members(params string[] keys) => [.. keys.Select(Member)];

    /// <summary>Teams' conversationUpdate in a team's General channel with <c>membersAdded</c> or <c>membersRemoved</c>.</summary>
    public static JsonObject MembersEvent(string serviceUrl, string eventType, JsonArray? added = null, JsonArray? removed = null, string team = Team)
    {
        var activity = Activities.TeamInstall(serviceUrl, team);
        activity.Remove("membersAdded");
        if (added is not null)
        {
            activity["membersAdded"] = added;
        }

        if (removed is not null)
        {
            activity["membersRemoved"] = removed;
        }

        activity["channelData"]!["eventType"] = eventType;
        return activity;
    }

    /// <summary>Installs the bot in the team and waits until its roster holds <paramref name="expected"/> people.</summary>
    public static async Task InstallAsync(BotHost bot, string team, int expected)
    {
        await bot.PostAsync(Activities.TeamInstall(bot.Connector.ServiceUrl, team));
        await WaitAsync(async () => (await MembersAsync(bot, team)).Count == expected, $"a roster of {expected} in {team}");
    }

    public static Task<IReadOnlyList<string>> MembersAsync(BotHost bot, string team) =>
        bot.Services.GetRequiredService<RosterStore>().MembersAsync(team, default);

    /// <summary>The leader (the test user) opens the bot, saves project #1 and publishes it to <paramref name="team"/>'s channel.</summary>
    public static async Task PublishAsync(BotHost bot, string team = Team)
    {
        var url = bot.Connector.ServiceUrl;
        await bot.PostAsync(Activities.InstallationUpdate(url, "add"));
        await bot.PostAsync(Activities.Submit(url, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = "Donor database", ["partner"] = "Kanazawa NPO", ["summary"] = "Donors are in five spreadsheets.",
            ["roles"] = "Data analyst | SQL | 2", ["hours"] = "4", ["language"] = "en",
        }));
        await bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("not published yet", StringComparison.Ordinal)));
        await bot.PostAsync(Activities.Submit(url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = team }));
        await bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Published #1", StringComparison.Ordinal)));
    }

    /// <summary>Starts a broadcast of project #1 to people and waits for its report to say it finished.</summary>
    public static async Task BroadcastAsync(BotHost bot, bool resend = false)
    {
        bot.Connector.Clear();
        await bot.PostAsync(Activities.Submit(bot.Connector.ServiceUrl, new JsonObject
        {
            ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "people", ["resend"] = resend ? "true" : "false",
        }));
        await bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && x.Body.Contains("Finished.", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
    }

    /// <summary>Broadcast cards sent (POST …/activities with the Sign up button), by conversation.</summary>
    public static IReadOnlyList<string> CardsSent(BotHost bot) =>
        [.. bot.Connector.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal) && r.Body.Contains("signUp", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Path.Split('/')[^2]))];

    /// <summary>Chat creations (POST v3/conversations) for a member id.</summary>
    public static int Creates(BotHost bot, string memberId) =>
        bot.Connector.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && r.Body.Contains($"\"{memberId}\"", StringComparison.Ordinal));

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
