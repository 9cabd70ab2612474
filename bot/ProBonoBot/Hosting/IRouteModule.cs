using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Hosting;

/// <summary>A feature's routes. Every module registers into one router at start-up, where duplicates fail.</summary>
public interface IRouteModule
{
    void Register(Router router);
}
