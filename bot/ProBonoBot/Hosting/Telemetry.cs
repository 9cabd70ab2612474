using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Hosting;

/// <summary>
/// OpenTelemetry for the host: the bot's own meter and spans (<see cref="BotMetrics"/>), ASP.NET Core, HttpClient and
/// Npgsql. Exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (both may be); with neither, no SDK is started and nothing listens.
/// </summary>
public static class Telemetry
{
    public const string AppInsightsVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton<BotMetrics>();

        var appInsights = configuration[AppInsightsVariable];
        var otlp = configuration[OtlpVariable];
        var azureMonitor = !string.IsNullOrWhiteSpace(appInsights);
        if (!azureMonitor && string.IsNullOrWhiteSpace(otlp))
        {
            return builder;
        }

        var otel = services.AddOpenTelemetry().WithProBonoBot(configuration["OTEL_SERVICE_NAME"], azureMonitor);
        if (azureMonitor)
        {
            otel.UseAzureMonitor(o => o.ConnectionString = appInsights);
        }

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables.
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// What is collected, for any exporter (the tests add an in-memory one): the bot's meter and spans, ASP.NET Core,
    /// HttpClient (URLs without ids or query) and Npgsql, and logs without exception messages.
    /// </summary>
    /// <param name="otel">The builder from <c>AddOpenTelemetry()</c>.</param>
    /// <param name="serviceName">The service name (<c>OTEL_SERVICE_NAME</c>); probonobot when not set.</param>
    /// <param name="azureMonitor">True when the Azure Monitor distro is used: it adds the ASP.NET Core and HttpClient instrumentation itself.</param>
    public static OpenTelemetryBuilder WithProBonoBot(this OpenTelemetryBuilder otel, string? serviceName = null, bool azureMonitor = false)
    {
        ArgumentNullException.ThrowIfNull(otel);

        // Options, not arguments: they apply to the instrumentation whoever adds it (the Azure Monitor distro does).
        otel.Services.Configure<HttpClientTraceInstrumentationOptions>(o =>
            o.EnrichWithHttpRequestMessage = (span, request) =>
            {
                if (request.RequestUri is { } uri)
                {
                    span.SetTag("url.full", RedactedUrl(uri));
                }
            });

        // An exception's message can quote user text: spans record its type (error.type), never the message.
        otel.Services.PostConfigure<AspNetCoreTraceInstrumentationOptions>(o => o.RecordException = false);
        otel.Services.PostConfigure<HttpClientTraceInstrumentationOptions>(o => o.RecordException = false);

        otel.ConfigureResource(r => r.AddService(string.IsNullOrWhiteSpace(serviceName) ? "probonobot" : serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ConnectorMetrics.MeterName).AddNpgsql();
                if (!azureMonitor)
                {
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConnectorMetrics.MeterName).AddNpgsqlInstrumentation();
                if (!azureMonitor)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithLogging(logging => logging.AddProcessor(new ExceptionMessageScrubber()));
        return otel;
    }

    /// <summary>
    /// A URL with every path segment that is not a plain word (conversation, activity, team and user ids; numbers)
    /// replaced by <c>{id}</c>, and without its query: ids in the connector's and Graph's paths identify people.
    /// </summary>
    public static string RedactedUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!IsPlainWord(segments[i]))
            {
                segments[i] = "{id}";
            }
        }

        return $"{uri.Scheme}://{uri.Authority}{string.Join('/', segments)}";
    }

    // Letters with - _ . (a resource name), or an API version such as v3 or v1.0.
    private static bool IsPlainWord(string segment) =>
        segment.All(c => char.IsAsciiLetter(c) || c is '-' or '_' or '.')
        || (segment.Length >= 2 && segment[0] == 'v' && segment[1..].All(c => char.IsAsciiDigit(c) || c == '.'));

    /// <summary>
    /// Exports a logged exception as its type only: an exception's message can quote user text or a connector's
    /// answer. The log's own message (structured, no personal data above Debug) is kept.
    /// </summary>
    private sealed class ExceptionMessageScrubber : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            if (data.Exception is { } exception)
            {
                data.Exception = null;
                data.Attributes = [.. data.Attributes ?? [], new("exception.type", exception.GetType().FullName)];
            }
        }
    }
}
