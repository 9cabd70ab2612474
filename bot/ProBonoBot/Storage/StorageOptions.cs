namespace ProBonoBot.Storage;

/// <summary>Which database the bot uses (section <c>Storage</c>; connection string <c>ConnectionStrings:ProBono</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (default, a file under the data folder) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>How long processed activity ids are kept for de-duplication.</summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Pending activities older than this are not replayed after a restart.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Supported database engines.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
