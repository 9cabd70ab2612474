using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Club;
using ProBonoBot.Install;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Infra;

/// <summary>The operations guide's export and delete scripts, run with psql against a real PostgreSQL.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PersonDataScriptTests(DatabaseFixture databases)
{
    private const string Aad = "aad-person-1";

    private static string Script(string name, [CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "infra", "sql", name));

    private async Task<(Db Db, string ConnectionString)> SeedAsync()
    {
        var connection = await databases.NewPostgresDatabaseAsync();
        var db = new Db(StorageProvider.Postgres, connection);
        await new Migrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync(default);
        var projects = new ProjectStore(db, TimeProvider.System);
        var number = await projects.CreateAsync(new ProjectDraft("Wood", "Noto", "Need", null, null, 5, null, null, WorkMode.Remote, null, "ja",
            [new ProjectRole(1, "Analyst", null, 1)]), "leader", "Leader", default);
        await projects.SetStatusAsync(number, [ProjectStatus.Draft], ProjectStatus.Recruiting, default);
        var signal = new OutboxSignal();
        var signUps = new SignUpStore(db, new OutboxStore(db, TimeProvider.System, signal, new ProBonoBot.Turns.InstanceRegistry(db, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions()))), signal, Options.Create(new ClubOptions()), TimeProvider.System);
        await signUps.ConfirmAsync(number, 1, new Person(Aad, "Yui Nakamura", "29:yui", "t", null, null), 5, "My note", default);
        await signUps.ConfirmAsync(number, 1, new Person("aad-other", "Other", "29:o", "t", null, null), 5, null, default);
        await new ConversationStore(db, TimeProvider.System).RefreshAsync(new ConversationReference("a:yui", "personal", "https://smba.trafficmanager.net/teams/",
            "msteams", "t", "28:bot", "29:yui", Aad, "Yui Nakamura", null, null, null, null, "ja-JP"), default);
        await new UserSettingsStore(db, TimeProvider.System).SetLanguageAsync(Aad, Cards.Language.Japanese, default);
        var feedback = new ProBonoBot.Drafting.Feedback.FeedbackStore(db, TimeProvider.System);
        await feedback.AddAsync("dislike", new ProBonoBot.Drafting.Feedback.DraftRef("brief", 1), null, "Too vague", Aad, "Yui Nakamura", "k1", default);
        await feedback.AddAsync("like", new ProBonoBot.Drafting.Feedback.DraftRef("brief", 1), null, null, "aad-other", "Other", "k2", default);
        var profiles = new ProBonoBot.Profiles.ProfileStore(db, TimeProvider.System, new OutboxStore(db, TimeProvider.System, signal,
            new ProBonoBot.Turns.InstanceRegistry(db, TimeProvider.System, Options.Create(new ProBonoBot.Turns.TurnOptions()))), signal);
        await profiles.SaveAsync(new ProBonoBot.Profiles.Profile(Aad, "Yui Nakamura", ["excel"], "写真撮影", ["disaster"], 8, ["ja"], null, "石川県"), default);
        await profiles.SaveAsync(new ProBonoBot.Profiles.Profile("aad-other", "Other", ["figma"], null, [], null, [], null, null), default);
        await profiles.InviteAsync(number, Aad, "leader", "{}", default);
        return (db, connection);
    }

    private async Task<string> PsqlAsync(string connectionString, string script)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-h", b.Host!, "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", b.Username!, "-d", b.Database!,
                "-v", "ON_ERROR_STOP=1", "-v", $"aad='{Aad}'", "-At", "-f", Script(script) },
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    [Fact]
    public async Task ExportPerson_ReturnsTheirSignUpsSettingsAndChats()
    {
        var (db, connection) = await SeedAsync();
        using var _ = db;

        var json = JsonNode.Parse(await PsqlAsync(connection, "export-person.sql"))!;

        Assert.Equal("My note", (string?)json["signUps"]![0]!["note"]);
        Assert.Equal("ja", (string?)json["settings"]![0]!["language"]);
        Assert.Equal("a:yui", (string?)json["conversations"]![0]!["conversationId"]);
        Assert.Single(json["signUps"]!.AsArray());
        Assert.Equal("Too vague", (string?)Assert.Single(json["draftFeedback"]!.AsArray())!["comment"]);
        Assert.Equal("写真撮影", (string?)Assert.Single(json["profile"]!.AsArray())!["otherSkills"]);
        Assert.Single(json["invitations"]!.AsArray());
    }

    [Fact]
    public async Task DeletePerson_RemovesTheirDataKeepsSeatCountsAndOthers()
    {
        var (db, connection) = await SeedAsync();
        using var _ = db;

        await PsqlAsync(connection, "delete-person.sql");

        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM signups WHERE user_aad = @Aad OR user_name = 'Yui Nakamura' OR note IS NOT NULL", new { Aad }), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM conversation_refs WHERE user_aad_object_id = @Aad", new { Aad }), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM user_settings WHERE aad_object_id = @Aad", new { Aad }), default));
        Assert.Equal(2, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups"), default));
        Assert.Equal(1, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups WHERE user_aad = 'aad-other'"), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_feedback WHERE person_aad = @Aad", new { Aad }), default));
        Assert.Equal(1, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_feedback"), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM profiles WHERE aad_object_id = @Aad", new { Aad }), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM project_invitations WHERE aad_object_id = @Aad", new { Aad }), default));
        Assert.Equal(1, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM profiles"), default));
    }
}
