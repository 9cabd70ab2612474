namespace ProBonoBot.Dashboard;

/// <summary>Leader actions from the tab (POST /dashboard/api/…), through the chat's own code paths.</summary>
public sealed class DashboardActions
{
    internal static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
    }
}
