using Microsoft.Extensions.Logging.Abstractions;
using ProBonoBot.Storage;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Storage;

/// <summary>One throwaway PostgreSQL server for the test run; each test gets a fresh database (or SQLite file).</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private int _next;

    public PostgresServer Postgres => _postgres!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    public async Task<string> NewPostgresDatabaseAsync() =>
        await Postgres.CreateDatabaseAsync($"probono_{Interlocked.Increment(ref _next)}_{Guid.NewGuid().ToString("N")[..6]}");

    /// <summary>A migrated, empty database of the given engine.</summary>
    public async Task<Db> NewDbAsync(StorageProvider provider)
    {
        DateTimeOffsetHandler.Register();
        var db = provider == StorageProvider.Postgres
            ? new Db(provider, await NewPostgresDatabaseAsync())
            : new Db(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"probonobot-{Guid.NewGuid():N}.db")};Pooling=True");
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(default);
        return db;
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "databases";
}
