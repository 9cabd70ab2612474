using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace ProBonoBot.Install.Proactive;

/// <summary>
/// The Graph calls of proactive installation, through the Graph SDK, one at a time and paced by
/// <see cref="ProactiveInstallOptions.CallInterval"/>. Graph's error answers surface as exceptions that
/// <see cref="GraphFailure"/> sorts into final and passing ones; retries are the worker's (durable, per person).
/// </summary>
internal sealed class InstallGraph(GraphServiceClient client, ProactiveInstallOptions options, TimeProvider time)
{
    private readonly Uri _graph = new(options.GraphBaseUrl);
    private DateTimeOffset _nextCall = DateTimeOffset.MinValue;

    /// <summary>The group's display name (null if it has none).</summary>
    public async Task<string?> GroupNameAsync(string groupId, CancellationToken ct)
    {
        await PaceAsync(ct);
        var group = await client.Groups[groupId].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct);
        return group?.DisplayName;
    }

    /// <summary>Every user in the group, nested groups included, across all pages; throws if any page fails (then nothing is complete).</summary>
    public async Task<IReadOnlyList<(string Id, string? Name)>> MembersAsync(string groupId, CancellationToken ct)
    {
        var members = new List<(string, string?)>();
        var users = client.Groups[groupId].TransitiveMembers.GraphUser;
        await PaceAsync(ct);
        var page = await users.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct);
        while (page is not null)
        {
            members.AddRange(from u in page.Value ?? [] where !string.IsNullOrEmpty(u.Id) select (u.Id!, u.DisplayName));
            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                break;
            }

            if (!GraphAuthentication.SameOrigin(new Uri(page.OdataNextLink), _graph))
            {
                throw new InvalidOperationException("Graph's next page link points outside GraphBaseUrl.");
            }

            await PaceAsync(ct);
            page = await users.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: ct);
        }

        return members;
    }

    /// <summary>Installs the app for the person; true when Graph says it was installed already (409).</summary>
    public async Task<bool> InstallAsync(string userId, CancellationToken ct)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{options.GraphBaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{options.CatalogAppId}",
            },
        };
        await PaceAsync(ct);
        try
        {
            await client.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: ct);
            return false;
        }
        catch (Microsoft.Kiota.Abstractions.ApiException ex) when (ex.ResponseStatusCode == 409)
        {
            return true;
        }
    }

    /// <summary>The chat id of the app's installation for the person, or null when Graph does not list the installation (yet).</summary>
    public async Task<string?> ChatIdAsync(string userId, CancellationToken ct)
    {
        var installed = client.Users[userId].Teamwork.InstalledApps;
        await PaceAsync(ct);
        var list = await installed.GetAsync(r =>
        {
            r.QueryParameters.Expand = ["teamsApp"];
            r.QueryParameters.Filter = $"teamsApp/id eq '{options.CatalogAppId!.Replace("'", "''", StringComparison.Ordinal)}'";
        }, ct);
        if (list?.Value?.FirstOrDefault(i => !string.IsNullOrEmpty(i.Id))?.Id is not { } installationId)
        {
            return null;
        }

        await PaceAsync(ct);
        var chat = await installed[installationId].Chat.GetAsync(cancellationToken: ct);
        return string.IsNullOrEmpty(chat?.Id) ? null : chat.Id;
    }

    private async Task PaceAsync(CancellationToken ct)
    {
        var wait = _nextCall - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }

        _nextCall = time.GetUtcNow() + options.CallInterval;
    }
}
