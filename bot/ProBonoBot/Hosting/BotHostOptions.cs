namespace ProBonoBot.Hosting;

/// <summary>Settings of the bot's own HTTP surface (section <c>Bot</c>).</summary>
public sealed class BotHostOptions
{
    public const string Section = "Bot";

    /// <summary>Larger activities are refused with 413. Teams' own are a few KB; 256 KB leaves room for cards.</summary>
    public long MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Messages and card actions one person may send in a quick burst before the per-minute rate applies. No one
    /// typing or clicking reaches 30 at once; a script or a stuck client does, and its excess is dropped (told once).
    /// </summary>
    public int PerPersonBurst { get; set; } = 30;

    /// <summary>Messages and card actions per minute one person may keep sending after a burst (one every 2 s).</summary>
    public int PerPersonPerMinute { get; set; } = 30;

    /// <summary>The bot's public address, for links it sends (e.g. a broadcast's undelivered list).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:3978";
}
