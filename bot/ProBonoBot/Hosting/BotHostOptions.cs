namespace ProBonoBot.Hosting;

/// <summary>Settings of the bot's own HTTP surface (section <c>Bot</c>).</summary>
public sealed class BotHostOptions
{
    public const string Section = "Bot";

    /// <summary>Larger activities are refused with 413. Teams' own are a few KB; 256 KB leaves room for cards.</summary>
    public long MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>The bot's public address, for links it sends (e.g. a broadcast's undelivered list).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:3978";
}
