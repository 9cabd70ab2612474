using ProBonoBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddProBonoBot();

var app = builder.Build();
app.UseExceptionHandler(error => error.Run(context =>
{
    // Never a stack trace on the wire.
    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
    return context.Response.WriteAsJsonAsync(new { error = new { code = "InternalError", message = "The request could not be handled." } });
}));
app.MapProBonoBot();
await app.PrepareAsync();
await app.RunAsync();

/// <summary>The bot's entry point; public for the functional tests' WebApplicationFactory.</summary>
public partial class Program;
