using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProBonoBot.Storage;

/// <summary>
/// Opens connections to the configured database. SQLite allows one writer at a time, so writes there go
/// through a single gate instead of colliding on SQLITE_BUSY; PostgreSQL writes run concurrently.
/// </summary>
public sealed class Db : IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly NpgsqlDataSource? _postgres;

    public Db(StorageProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => Provider == StorageProvider.Sqlite;

    /// <summary>
    /// "column is one of the list parameter": Dapper expands <c>IN @list</c> for SQLite but hands PostgreSQL an
    /// array, which needs <c>= ANY(@list)</c>.
    /// </summary>
    public string In(string column, string parameter) => IsSqlite ? $"{column} IN @{parameter}" : $"{column} = ANY(@{parameter})";

    /// <summary>Opens a connection for reading (or for PostgreSQL writes).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs a write; on SQLite it waits for the single-writer gate first.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!IsSqlite)
        {
            await using var pg = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await write(pg).ConfigureAwait(false);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await write(connection).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs a read.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        _postgres?.Dispose();
    }
}
