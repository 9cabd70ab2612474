using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Profiles;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Profiles;

/// <summary>Issue 13, skills profiles: the profile card, asked once, recommendations and leaders' invitations, through the host.</summary>
public sealed class ProfileFlowTests : IAsyncLifetime
{
    private const string Volunteer = ClubScenario.VolunteerAad;
    private const string VolunteerId = ClubScenario.VolunteerId;
    private const string VolunteerChat = "a:volunteer";
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private static JsonNode? CardOf(RecordedRequest r) => ClubScenario.CardOf(r);

    private Task PostAsVolunteerAsync(string text, string? id = null) =>
        _bot.PostAsync(Activities.Message(Url, text, conversationId: VolunteerChat, fromAad: Volunteer, fromId: VolunteerId, fromName: "Kenji Tanaka", id: id));

    private Task SubmitAsVolunteerAsync(JsonObject value) =>
        _bot.PostAsync(Activities.Submit(Url, value, conversationId: VolunteerChat, fromAad: Volunteer, fromId: VolunteerId, fromName: "Kenji Tanaka"));

    private Task<RecordedRequest> ToVolunteerAsync(Func<RecordedRequest, bool> predicate) =>
        _club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(VolunteerChat), StringComparison.Ordinal) && predicate(r));

    private static JsonObject Save(string skills = "excel", string hours = "30", string mode = "remote", string languages = "en", string? other = null,
        string interests = "", string area = "") => new()
    {
        ["verb"] = "profileSave",
        ["form"] = "full",
        ["skills"] = skills,
        ["skillsOther"] = other ?? string.Empty,
        ["interests"] = interests,
        ["hours"] = hours,
        ["languages"] = languages,
        ["mode"] = mode,
        ["area"] = area,
    };

    private async Task SaveProfileAsync(JsonObject value)
    {
        _bot.Connector.Clear();
        await SubmitAsVolunteerAsync(value);
        await ToVolunteerAsync(r => ClubScenario.Says(r, "Your profile is saved"));
    }

    private Task<Profile?> StoredAsync(string aad = Volunteer) => _bot.Services.GetRequiredService<ProfileStore>().GetAsync(aad, default);

    private static Dictionary<string, JsonNode> Inputs(JsonNode card) =>
        card["body"]!.AsArray().Where(n => n?["id"] is not null).ToDictionary(n => (string)n!["id"]!, n => n!);

    /// <summary>A published project: Data analyst (Excel, SQL; 1 seat) and Web designer (Figma; 2), 5 h a week, remote, English.</summary>
    private async Task<long> PublishedAsync(string title = "Reclaimed wood tracking app")
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync(title);
        await _club.PublishAsync(number);
        _bot.Connector.Clear();
        return number;
    }

    private async Task<RecordedRequest> ApplicantsCardAsync(long project)
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(Activities.Message(Url, $"applicants {project}"));
        return await _club.WaitAsync(r => ClubScenario.Says(r, "Applicants — #" + project));
    }

    private static JsonObject InviteData(RecordedRequest card, string name)
    {
        var container = CardOf(card)!["body"]!.AsArray().First(n => (string?)n?["type"] == "Container" && ClubScenario.Readable(n!.ToJsonString()).Contains(name, StringComparison.Ordinal))!;
        var data = container["items"]!.AsArray().First(i => (string?)i?["type"] == "ActionSet")!["actions"]![0]!["data"]!.DeepClone().AsObject();
        return data;
    }

    [Fact]
    public async Task Profile_Typed_CardOffersLexiconSkillsAndSaveSkip()
    {
        await PostAsVolunteerAsync("プロフィール");

        var card = CardOf(await ToVolunteerAsync(r => CardOf(r) is not null))!;
        Assert.Equal("プロフィール", (string?)card["body"]![0]!["text"]);
        var skills = Inputs(card)["skills"]["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList();
        Assert.Contains("excel", skills);
        Assert.Contains("video-editing", skills);
        Assert.Contains(Inputs(card)["skills"]["choices"]!.AsArray(), c => (string?)c!["title"] == "動画編集");
        Assert.Equal(["profileSave", "profileSkip"], card["actions"]!.AsArray().Select(a => (string?)a!["data"]!["verb"]));
    }

    [Fact]
    public async Task Save_ThenProfileAgain_CardShowsCurrentValues()
    {
        await SaveProfileAsync(Save(skills: "excel,figma", other: "写真撮影", interests: "disaster", area: "石川県"));

        await PostAsVolunteerAsync("profile");

        var inputs = Inputs(CardOf(await ToVolunteerAsync(r => CardOf(r) is not null))!);
        Assert.Equal("excel,figma", (string?)inputs["skills"]["value"]);
        Assert.Equal("写真撮影", (string?)inputs["skillsOther"]["value"]);
        Assert.Equal("disaster", (string?)inputs["interests"]["value"]);
        Assert.Equal("30", (string?)inputs["hours"]["value"]);
        Assert.Equal("remote", (string?)inputs["mode"]["value"]);
        Assert.Equal("石川県", (string?)inputs["area"]["value"]);
    }

    [Fact]
    public async Task Save_Edited_ReplacesValues()
    {
        await SaveProfileAsync(Save(skills: "excel", hours: "30"));

        await SaveProfileAsync(Save(skills: "figma", hours: "", mode: "either", languages: "ja,en"));

        var stored = await StoredAsync();
        Assert.Equal(["figma"], stored!.Skills);
        Assert.Null(stored.HoursPerMonth);
        Assert.Equal(WorkPreference.Either, stored.Mode);
        Assert.Equal(["ja", "en"], stored.Languages);
    }

    [Theory]
    [InlineData("skills", "excel,not-a-skill", "Skills: a choice that is not on the card.")]
    [InlineData("interests", "tracking,../../etc", "Kinds of project you are interested in: a choice that is not on the card.")]
    [InlineData("hours", "-3", "Hours per month must be a whole number from 0 to 200.")]
    [InlineData("hours", "99999999999", "Hours per month must be a whole number from 0 to 200.")]
    [InlineData("mode", "teleport", "How you like to work: a choice that is not on the card.")]
    [InlineData("languages", "ja,fr", "Languages you can work in: a choice that is not on the card.")]
    public async Task Save_TamperedValue_ClearErrorAndNothingChanged(string field, string value, string error)
    {
        await SaveProfileAsync(Save(skills: "excel", hours: "30"));
        var tampered = Save(skills: "figma", hours: "8");
        tampered[field] = value;

        _bot.Connector.Clear();
        await SubmitAsVolunteerAsync(tampered);

        var reply = await ToVolunteerAsync(r => ClubScenario.Says(r, "was not saved"));
        Assert.Contains(error, (string?)reply.Json!["text"], StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal(["excel"], stored!.Skills);
        Assert.Equal(30, stored.HoursPerMonth);
    }

    [Fact]
    public async Task Save_OverlongTextAndNonStringValue_AllErrorsListedNothingSaved()
    {
        var tampered = Save();
        tampered["area"] = new string('x', 61);
        tampered["skillsOther"] = new string('y', 201);
        tampered["skills"] = new JsonArray("excel");

        await SubmitAsVolunteerAsync(tampered);

        var text = (string?)(await ToVolunteerAsync(r => ClubScenario.Says(r, "was not saved"))).Json!["text"];
        Assert.Contains("Area (e.g. prefecture): at most 60 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Other skills (free text): at most 200 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Skills: a choice that is not on the card.", text, StringComparison.Ordinal);
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Save_OneLetterPiledWithCombiningMarks_RefusedAsTooLong()
    {
        // Review (attacker): "e" + 40,000 combining accents is one text element, and passed a 60-character limit.
        var tampered = Save();
        tampered["area"] = "e" + string.Concat(Enumerable.Repeat("\u0301", 40_000));

        await SubmitAsVolunteerAsync(tampered);

        var text = (string?)(await ToVolunteerAsync(r => ClubScenario.Says(r, "was not saved"))).Json!["text"];
        Assert.Contains("Area (e.g. prefecture): at most 60 characters.", text, StringComparison.Ordinal);
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Skip_RemembersAskedSavesNoProfile()
    {
        await SubmitAsVolunteerAsync(new JsonObject { ["verb"] = "profileSkip" });

        await ToVolunteerAsync(r => ClubScenario.Says(r, "OK, no profile for now"));
        Assert.Null(await StoredAsync());
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM profiles WHERE aad_object_id = '{Volunteer}' AND asked_at IS NOT NULL AND saved_at IS NULL"));
    }

    [Fact]
    public async Task ShortForm_FromWelcome_KeepsFieldsItDoesNotCarry()
    {
        await SaveProfileAsync(Save(skills: "excel", interests: "disaster", area: "石川県", languages: "ja"));

        await SaveProfileAsync(new JsonObject { ["verb"] = "profileSave", ["form"] = "short", ["skills"] = "figma", ["hours"] = "10", ["mode"] = "onsite" });

        var stored = await StoredAsync();
        Assert.Equal(["figma"], stored!.Skills);
        Assert.Equal(10, stored.HoursPerMonth);
        Assert.Equal(["disaster"], stored.Interests);
        Assert.Equal("石川県", stored.Area);
        Assert.Equal(["ja"], stored.Languages);
    }

    [Fact]
    public async Task Welcome_PersonalInstall_AsksProfileOnceNeverAgain()
    {
        await _bot.PostAsync(Activities.InstallationUpdate(Url, "add"));
        var first = await _club.WaitAsync(r => ClubScenario.Says(r, "Welcome to ProBonoBot"));
        Assert.True(ClubScenario.Says(first, "Your skills (optional)"));
        Assert.Single(_bot.Connector.Activities);

        await _bot.PostAsync(Activities.InstallationUpdate(Url, "remove"));
        await Task.Delay(300);
        _bot.Connector.Clear();
        await _bot.PostAsync(Activities.InstallationUpdate(Url, "add"));

        var second = await _club.WaitAsync(r => ClubScenario.Says(r, "Welcome to ProBonoBot"));
        Assert.False(ClubScenario.Says(second, "Your skills (optional)"));
    }

    [Fact]
    public async Task Welcome_ProfileSavedBefore_NotAsked()
    {
        var store = _bot.Services.GetRequiredService<ProfileStore>();
        await store.SaveAsync(new Profile(Activities.UserAad, "Haruka Sato", ["excel"], null, [], null, [], null, null), default);

        await _bot.PostAsync(Activities.InstallationUpdate(Url, "add"));

        var welcome = await _club.WaitAsync(r => ClubScenario.Says(r, "Welcome to ProBonoBot"));
        Assert.False(ClubScenario.Says(welcome, "Your skills (optional)"));
    }

    [Fact]
    public async Task Welcome_InTeam_NeverAsksProfile()
    {
        await _club.InstallInTeamAsync();

        Assert.DoesNotContain(_bot.Connector.Activities, r => ClubScenario.Says(r, "Your skills"));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM profiles"));
    }

    [Fact]
    public async Task Recommend_NoProfile_SaysSoAndOffersProfileCard()
    {
        await PublishedAsync();

        await PostAsVolunteerAsync("おすすめ");

        var card = CardOf(await ToVolunteerAsync(r => CardOf(r) is not null))!;
        Assert.Equal("プロフィール", (string?)card["body"]![0]!["text"]);
        Assert.StartsWith("プロフィールがまだ登録されていない", (string?)card["body"]![1]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_FittingProject_ListedWithReasonsAndSignUp()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "excel", hours: "30", mode: "remote", languages: "en"));

        await PostAsVolunteerAsync("recommend");

        var card = CardOf(await ToVolunteerAsync(r => ClubScenario.Says(r, "Projects for you")))!;
        var text = ClubScenario.Readable(card.ToJsonString());
        Assert.Contains($"#{number} Reclaimed wood tracking app", text, StringComparison.Ordinal);
        Assert.Contains("Why: matches your skills: Excel · remote OK · needs 20 h/month, you have 30", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"signUp\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_BestFirst()
    {
        var weak = await PublishedAsync("Weak fit");
        var strong = await _club.CreateDraftAsync("Strong fit");
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE project_roles SET skills = 'Excel, data cleaning, spreadsheets' WHERE project_number = @strong AND role_number = 1", new { strong }), default);
        await _club.PublishAsync(strong);
        await SaveProfileAsync(Save(skills: "excel,data-cleaning,spreadsheets"));

        await PostAsVolunteerAsync("recommend");

        var text = ClubScenario.Readable(CardOf(await ToVolunteerAsync(r => ClubScenario.Says(r, "Projects for you")))!.ToJsonString());
        Assert.True(text.IndexOf("Strong fit", StringComparison.Ordinal) < text.IndexOf("Weak fit", StringComparison.Ordinal), text);
        Assert.Contains($"#{weak} ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_NothingFits_SaysSoAndPointsToProjects()
    {
        await PublishedAsync();
        await SaveProfileAsync(Save(skills: "video-editing", languages: "ja"));

        await PostAsVolunteerAsync("recommend");

        var reply = await ToVolunteerAsync(r => ClubScenario.Says(r, "No open project fits your profile"));
        Assert.Contains("`projects`", (string?)reply.Json!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_AlreadySignedUp_NotRecommended()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save());
        await _club.SignUpAsync(number, 1);

        await PostAsVolunteerAsync("recommend");

        await ToVolunteerAsync(r => ClubScenario.Says(r, "No open project fits your profile"));
    }

    [Fact]
    public async Task ProfileFit_ExcludesApplicantsAndLeader()
    {
        var number = await PublishedAsync();
        var store = _bot.Services.GetRequiredService<ProfileStore>();
        foreach (var aad in new[] { "aad-fits", "aad-applied", "aad-withdrew", Activities.UserAad })
        {
            await store.SaveAsync(new Profile(aad, aad, ["excel", "figma"], null, [], 30, ["en"], WorkPreference.Remote, null), default);
        }

        await store.SaveAsync(new Profile("aad-no-fit", "x", ["video-editing"], null, [], 30, ["en"], WorkPreference.Remote, null), default);
        await _club.SignUpAsync(number, 1, "aad-applied", "29:applied", "Applied");
        await _club.SignUpAsync(number, 2, "aad-withdrew", "29:withdrew", "Withdrew");
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE signups SET status = 3 WHERE user_aad = 'aad-withdrew'"), default);

        var fitting = await _bot.Services.GetRequiredService<IProfileFit>().PeopleFittingAsync(number, default);

        Assert.Equal(["aad-fits"], fitting);
    }

    [Fact]
    public async Task ProfileFit_RoleFilled_OnlyOpenRolesCount()
    {
        var number = await PublishedAsync();
        await _bot.Services.GetRequiredService<ProfileStore>().SaveAsync(new Profile("aad-excel", "E", ["excel"], null, [], null, [], null, null), default);
        Assert.Equal(["aad-excel"], await _bot.Services.GetRequiredService<IProfileFit>().PeopleFittingAsync(number, default));

        await _club.SignUpAsync(number, 1, "aad-other", "29:other", "Other"); // the Data analyst's only seat

        Assert.Empty(await _bot.Services.GetRequiredService<IProfileFit>().PeopleFittingAsync(number, default));
    }

    [Fact]
    public async Task Applicants_MemberWhoFits_ListedWithWhyAndInvite()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "excel"));

        var card = await ApplicantsCardAsync(number);

        Assert.True(ClubScenario.Says(card, "Members who fit and have not applied"));
        Assert.True(ClubScenario.Says(card, "skills: Excel · remote OK · needs 20 h/month, has 30"));
        var data = InviteData(card, "Kenji Tanaka");
        Assert.Equal("profileInvite", (string?)data["verb"]);
        Assert.Equal(Volunteer, (string?)data["person"]);
    }

    [Fact]
    public async Task Invite_Leader_OneInvitationToTheMemberAndCardSaysInvited()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "excel", languages: "ja,en"));
        await PostAsVolunteerAsync("日本語");
        var data = InviteData(await ApplicantsCardAsync(number), "Kenji Tanaka");

        await _bot.PostAsync(Activities.Submit(Url, data));

        var updated = await _club.WaitAsync(r => r.Method == "PUT" && ClubScenario.Says(r, "Invitation sent to Kenji Tanaka."));
        Assert.True(ClubScenario.Says(updated, "✓ Invited"));
        var invitation = await ToVolunteerAsync(r => ClubScenario.Says(r, "プロジェクトへのお誘い"));
        Assert.True(ClubScenario.Says(invitation, "Haruka Satoさんから、**#" + number));
        Assert.True(ClubScenario.Says(invitation, "\"verb\":\"signUp\""));
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM project_invitations"));
    }

    [Fact]
    public async Task Invite_DoubleClickAndRedelivery_SentOnce()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "excel"));
        var data = InviteData(await ApplicantsCardAsync(number), "Kenji Tanaka");
        var click = Activities.Submit(Url, (JsonObject)data.DeepClone());

        await _bot.PostAsync(click);
        await _bot.PostAsync((JsonObject)click.DeepClone());
        await _bot.PostAsync(Activities.Submit(Url, (JsonObject)data.DeepClone()));

        await _club.WaitAsync(r => ClubScenario.Says(r, "has already been invited to #" + number));
        await ToVolunteerAsync(r => ClubScenario.Says(r, "An invitation to a project"));
        await Task.Delay(500);
        Assert.Single(_bot.Connector.Activities, r => ClubScenario.Says(r, "An invitation to a project"));
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM outbox WHERE activity LIKE '%An invitation to a project%'"));
    }

    [Fact]
    public async Task Invite_NonLeader_RefusedNothingSent()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "excel"));
        var data = InviteData(await ApplicantsCardAsync(number), "Kenji Tanaka");

        await _bot.PostAsync(Activities.Submit(Url, data, conversationId: "a:other", fromAad: "aad-not-leader", fromId: "29:not-leader"));

        await _club.WaitAsync(r => ClubScenario.Says(r, "Only club leaders"));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM project_invitations"));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM outbox WHERE activity LIKE '%invitation%'"));
    }

    [Fact]
    public async Task Invite_PersonWhoDoesNotFit_RefusedNothingSent()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "video-editing"));

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "profileInvite", ["project"] = number, ["person"] = Volunteer }));

        await _club.WaitAsync(r => ClubScenario.Says(r, "does not fit an open role of #" + number));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM project_invitations"));
    }

    [Fact]
    public async Task Invite_ApplicantAfterCardWasShown_RefusedNothingSent()
    {
        var number = await PublishedAsync();
        await SaveProfileAsync(Save(skills: "excel"));
        var data = InviteData(await ApplicantsCardAsync(number), "Kenji Tanaka");
        await _club.SignUpAsync(number, 2);

        await _bot.PostAsync(Activities.Submit(Url, data));

        await _club.WaitAsync(r => ClubScenario.Says(r, "has applied already"));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM project_invitations"));
    }

    [Fact]
    public async Task Invite_RosterMemberWithoutChat_OutboxRowCarriesWhatCreatesTheChat()
    {
        var number = await PublishedAsync();
        var store = _bot.Services.GetRequiredService<ProfileStore>();
        await store.SaveAsync(new Profile("aad-roster", "Roster Member", ["excel"], null, [], null, [], null, null), default);
        await _bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO team_members (team_id, aad_object_id, teams_user_id, name, tenant_id, service_url, bot_id, seen_at) VALUES ('19:team0123@thread.tacv2', 'aad-roster', '29:roster', 'Roster Member', @tenant, @url, @bot, @now)",
            new { tenant = BotHost.TenantId, url = Url, bot = BotHost.BotId, now = DateTimeOffset.UtcNow }), default);
        var data = InviteData(await ApplicantsCardAsync(number), "Roster Member");

        await _bot.PostAsync(Activities.Submit(Url, data));

        var created = await _club.WaitAsync(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && (string?)r.Json?["members"]?[0]?["id"] == "29:roster");
        Assert.NotNull(created);
        await _club.WaitAsync(r => ClubScenario.Says(r, "プロジェクトへのお誘い") || ClubScenario.Says(r, "An invitation to a project"));
    }
}
