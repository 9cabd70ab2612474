namespace ProBonoBot.Protocol.Connector;

/// <summary>A connector call that failed for good (after retries): status code and Teams' error code.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(int statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status code, e.g. 403 or 404.</summary>
    public int StatusCode { get; }

    /// <summary>Teams' sub-code or code, e.g. <c>MessageWritesBlocked</c> or <c>ContentStreamNotAllowed</c>.</summary>
    public string? ErrorCode { get; }
}
