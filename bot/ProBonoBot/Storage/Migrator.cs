using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ProBonoBot.Storage;

/// <summary>
/// Applies the embedded, hand-written SQL migrations (<c>Migrations/{sqlite|postgres}/NNNN_name.sql</c>) in
/// order, each once, each in its own transaction. Instances starting together on PostgreSQL serialize on a
/// session advisory lock; on SQLite on <c>BEGIN IMMEDIATE</c>.
/// </summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x50726F426F6E6FL; // "ProBono"

    /// <summary>The migrations embedded for one dialect, ordered by version.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded(StorageProvider provider)
    {
        var prefix = $"ProBonoBot.Migrations.{(provider == StorageProvider.Sqlite ? "sqlite" : "postgres")}/";
        var assembly = typeof(Migrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (Version: int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture), Name: file, Sql: reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)];
    }

    /// <summary>Brings the schema up to date; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        await db.WriteAsync(async connection =>
        {
            if (db.IsSqlite)
            {
                // WAL lets readers work while the single writer commits.
                await connection.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
            }
            else
            {
                // Even CREATE TABLE IF NOT EXISTS races between instances on PostgreSQL: hold one lock throughout.
                await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }).ConfigureAwait(false);
            }

            try
            {
                await connection.ExecuteAsync(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                    .ConfigureAwait(false);
                foreach (var (version, name, sql) in Embedded(db.Provider))
                {
                    if (await ApplyAsync(connection, version, name, sql, cancellationToken).ConfigureAwait(false))
                    {
                        applied.Add(version);
                        Log.MigrationApplied(logger, version, name);
                    }
                }
            }
            finally
            {
                if (!db.IsSqlite)
                {
                    await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }).ConfigureAwait(false);
                }
            }

            return applied;
        }, cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private static async Task<bool> ApplyAsync(DbConnection connection, int version, string name, string sql, CancellationToken ct)
    {
        await using var tx = await BeginAsync(connection, ct).ConfigureAwait(false);

        var done = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, tx).ConfigureAwait(false);
        if (done > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(sql, transaction: tx).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
            new { version, name, at = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, tx)
            .ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    private static async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        return await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
    }
}
