using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Tests;

internal static class Fixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static Activity Activity(string name)
    {
        Assert.True(ActivityParser.TryParse(Bytes(name), out var activity, out var error), error);
        return activity!;
    }
}
