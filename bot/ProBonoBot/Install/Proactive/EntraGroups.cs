using Microsoft.Extensions.Options;

namespace ProBonoBot.Install.Proactive;

/// <summary>
/// The Entra groups a broadcast can be aimed at (only while proactive installation is on): the configured groups with
/// the names Graph gave them. Their members are in <c>group_members</c> (<c>group_id</c>, <c>aad_object_id</c>).
/// </summary>
public sealed class EntraGroups(ProactiveInstallStore store, IOptions<ProactiveInstallOptions> options)
{
    /// <summary>True when proactive installation is on, so the groups can be offered as an audience.</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>The configured groups in name order; a group Graph has not named yet shows its id. Empty when off.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> GroupsAsync(CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return [];
        }

        var names = await store.GroupNamesAsync(ct);
        return [.. options.Value.GroupIds.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.Ordinal)
            .Select(id => (id, names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : id))
            .OrderBy(g => g.Item2, StringComparer.CurrentCultureIgnoreCase)];
    }
}
