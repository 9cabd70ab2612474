using Microsoft.Extensions.Logging;

namespace ProBonoBot.Protocol;

/// <summary>Source-generated log messages of the protocol layer. No message text or personal data above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "OpenID metadata could not be retrieved from {MetadataUrl}")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(1002, LogLevel.Information, "Inbound token rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(1101, LogLevel.Warning, "Refusing to attach the connector token to untrusted host {Host}")]
    public static partial void UntrustedHost(ILogger logger, string host);

    [LoggerMessage(1102, LogLevel.Information, "Connector call {Method} {Path} answered {Status}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, int status, int attempt, double delayMs);

    [LoggerMessage(1103, LogLevel.Information, "Connector token acquired; valid for {Seconds} s")]
    public static partial void TokenAcquired(ILogger logger, int seconds);
}
