using ProBonoBot.Drafting;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Issue 11, intent before intake: what a 1:1 message reads as, and which answers may be stored.</summary>
public sealed class NeedIntentTests
{
    public static TheoryData<string, NeedIntentKind> Examples() => new()
    {
        // Questions, greetings, thanks, chat and commands: never drafted.
        { "Hi! When is the next pro bono club meeting? I'd love to help out with a project.", NeedIntentKind.NotNeed },
        { "What time does the workshop start tomorrow, and is it online or in the office?", NeedIntentKind.NotNeed },
        { "Thank you all for the great session on Saturday, I learned a lot about websites!", NeedIntentKind.NotNeed },
        { "Good morning! Hope everyone had a nice weekend and is ready for a busy week.", NeedIntentKind.NotNeed },
        { "hlep", NeedIntentKind.NotNeed },
        { "ｐｒｏｊｅｃｔｓ", NeedIntentKind.NotNeed },
        { "Our NPO needs a website.", NeedIntentKind.NotNeed },
        { "次の勉強会はいつですか？場所も教えてください。", NeedIntentKind.NotNeed },
        { "おはようございます！今週もよろしくお願いします。皆さん良い一日を。", NeedIntentKind.NotNeed },
        { "先日はありがとうございました。ウェブサイトの話、とても勉強になりました。", NeedIntentKind.NotNeed },
        { "ヘルプ", NeedIntentKind.NotNeed },

        // A partner with a problem or a request: drafted.
        { "The Riverside Farmers Market needs a new website. Our site does not work on phones and only one volunteer can update it.", NeedIntentKind.Need },
        { "Hope Harbor Foundation keeps donor records in three spreadsheets and on paper, so thank-you letters go out late. We want a proper donor database.", NeedIntentKind.Need },
        { "Could your club help our library association? We track book loans by hand and we need a simple database the volunteers can use.", NeedIntentKind.Need },
        { "七尾市の社会福祉協議会です。ボランティア募集の広報がうまく伝わらず困っています。チラシとSNSの計画がほしいです。", NeedIntentKind.Need },
        { "漁業協同組合で水揚げ量を紙で集計しています。スマホで入力できるアプリがあると助かります。手伝っていただけますか？", NeedIntentKind.Need },

        // Some signals but doubtful: first-person chat about a need, or a need with an unrelated question.
        { "Hi, I'm Ken. My aunt runs a small bakery and she is struggling to keep track of orders on paper, maybe we could do something?", NeedIntentKind.Ask },
        { "Our library association wants a new website for volunteers, the current one is broken and nobody can update it. By the way, when is the next club meeting?", NeedIntentKind.Ask },
        { "私は商店街の店でアルバイトをしていますが、店の予約を紙で管理していて大変そうです。何かできることはありますか？", NeedIntentKind.Ask },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Classify_Example_ExpectedIntent(string text, NeedIntentKind expected) =>
        Assert.Equal(expected, NeedIntent.Classify(text));

    public static TheoryData<string> Fixtures(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var fixture in BriefRubric.Load(OfflineDrafterTests.FixturesFolder()).Where(f => f.Kind == kind))
        {
            data.Add(fixture.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures), NeedFixture.ChatKind)]
    public void Classify_ChatFixture_NotNeed(string id)
    {
        var fixture = BriefRubric.Load(OfflineDrafterTests.FixturesFolder()).Single(f => f.Id == id);

        Assert.Equal(NeedIntentKind.NotNeed, NeedIntent.Classify(fixture.Need));
    }

    [Theory]
    [MemberData(nameof(Fixtures), NeedFixture.NeedKind)]
    public void Classify_NeedFixture_NeedOrAsk(string id)
    {
        var fixture = BriefRubric.Load(OfflineDrafterTests.FixturesFolder()).Single(f => f.Id == id);

        Assert.NotEqual(NeedIntentKind.NotNeed, NeedIntent.Classify(fixture.Need));
    }

    [Fact]
    public void ChatFixtures_TwelveOrMoreHalfJapanese()
    {
        var chats = BriefRubric.Load(OfflineDrafterTests.FixturesFolder()).Where(f => f.Kind == NeedFixture.ChatKind).ToList();

        Assert.True(chats.Count >= 12);
        Assert.True(chats.Count(f => f.Language == "ja") * 2 >= chats.Count);
    }

    public static TheoryData<string, string, AnswerProblem> Answers() => new()
    {
        { "partner", "Sorry, what? I was just asking about the meeting", AnswerProblem.Confused },
        { "partner", "え？", AnswerProblem.Confused },
        { "partner", "何のことですか", AnswerProblem.Confused },
        { "deliverable", "what?", AnswerProblem.Confused },
        { "deadline", "hlep", AnswerProblem.Command },
        { "partner", "projcts", AnswerProblem.Command },
        { "deadline", "the volunteers would be happy", AnswerProblem.NoTimeExpression },
        { "deadline", "ボランティアが喜びます", AnswerProblem.NoTimeExpression },
        { "partner", "I was thinking that maybe the people at the market could use some help with their stalls and their flyers", AnswerProblem.NotAName },
        { "partner", "Hope Harbor Foundation, contact: Ms Ono", AnswerProblem.None },
        { "partner", "NPO法人あおぞら、担当は鈴木さん", AnswerProblem.None },
        { "deliverable", "A website the staff can update", AnswerProblem.None },
        { "deadline", "by the end of March", AnswerProblem.None },
        { "deadline", "in 6 weeks", AnswerProblem.None },
        { "deadline", "asap", AnswerProblem.None },
        { "deadline", "this autumn", AnswerProblem.None },
        { "deadline", "no deadline", AnswerProblem.None },
        { "deadline", "年内", AnswerProblem.None },
        { "deadline", "来月中", AnswerProblem.None },
        { "deadline", "春まで", AnswerProblem.None },
        { "deadline", "３月末", AnswerProblem.None },
    };

    [Theory]
    [InlineData("the residents association, I just told you", "the residents association")]
    [InlineData("I already said it - Maple Court Residents' Association", "Maple Court Residents' Association")]
    [InlineData("Oakwood Primary School", "Oakwood Primary School")]
    [InlineData("名前は忘れちゃいました…", null)]
    [InlineData("さっき言いましたよ", null)]
    [InlineData("I told you already, I don't know", null)]
    public void PartnerName_ChatterInAnswer_NameCutOutOrNone(string answer, string? name)
    {
        Assert.Equal(name, NeedAnswerCheck.PartnerName(answer));
        Assert.Equal(name is null ? AnswerProblem.NotAName : AnswerProblem.None, NeedAnswerCheck.Check("partner", answer));
    }

    [Theory]
    [InlineData("来月からプロジェクトに加わりたいのですが、上司の許可は必要でしょうか？どのくらいの時間が必要なのかも知りたいです。長文すみません！")]
    [InlineData("プロボノに興味があります。平日の業務時間を使ってもよいのか、週に何時間くらい必要なのかを知りたいです。")]
    [InlineData("Do I need approval from my manager before I join a project, and how much time does it usually take each week?")]
    public void Classify_MemberAsksAboutPermissionOrTime_NotNeed(string text) =>
        Assert.Equal(NeedIntentKind.NotNeed, NeedIntent.Classify(text));

    [Theory]
    [MemberData(nameof(Answers))]
    public void Check_Answer_ExpectedProblem(string asked, string text, AnswerProblem expected) =>
        Assert.Equal(expected, NeedAnswerCheck.Check(asked, text));
}
