namespace ProBonoBot.Install.Proactive;

/// <summary>Logs of proactive installation (2901–2909). Person ids only at Debug; outcomes are in proactive_installs.</summary>
internal static partial class ProactiveInstallLog
{
    [LoggerMessage(2901, LogLevel.Information, "Entra group {GroupId} listed: {Count} members")]
    public static partial void GroupListed(ILogger logger, string groupId, int count);

    [LoggerMessage(2902, LogLevel.Warning, "Entra group {GroupId} could not be listed ({Detail}); its known members are kept")]
    public static partial void GroupListingFailed(ILogger logger, string groupId, string detail);

    [LoggerMessage(2903, LogLevel.Debug, "App installed for {Person} (already installed: {Already}); chat reference stored")]
    public static partial void Installed(ILogger logger, string person, bool already);

    [LoggerMessage(2904, LogLevel.Debug, "App blocked for {Person} ({Detail}); not tried again")]
    public static partial void Blocked(ILogger logger, string person, string detail);

    [LoggerMessage(2905, LogLevel.Debug, "Installation for {Person} failed ({Detail}); tried again in {Delay}")]
    public static partial void WillRetry(ILogger logger, string person, string detail, TimeSpan delay);

    [LoggerMessage(2906, LogLevel.Warning, "Installation for a group member failed {Attempts} times ({Detail}); given up")]
    public static partial void GaveUpWarning(ILogger logger, string detail, int attempts);

    [LoggerMessage(2907, LogLevel.Warning, "Microsoft Graph throttled proactive installation; paused for {Wait}")]
    public static partial void Throttled(ILogger logger, TimeSpan wait);

    [LoggerMessage(2908, LogLevel.Warning, "Proactive installation step {Step} failed: {Error}")]
    public static partial void StepFailed(ILogger logger, string step, string error);

    [LoggerMessage(2909, LogLevel.Debug, "Installation given up for {Person}")]
    public static partial void GaveUpPerson(ILogger logger, string person);

    public static void GaveUp(ILogger logger, string person, string detail, int attempts)
    {
        GaveUpWarning(logger, detail, attempts);
        GaveUpPerson(logger, person);
    }
}
