using ProBonoBot.Commands;

namespace ProBonoBot.Tests.Commands;

/// <summary>Issue 12: one normaliser for every typed command; near misses, greetings, thanks and 👍.</summary>
public sealed class CommandTextTests
{
    [Theory]
    [InlineData("help", "help")]
    [InlineData("プロフィール", "profile")]
    [InlineData("ﾌﾟﾛﾌｨｰﾙ", "profile")]
    [InlineData("My Profile", "profile")]
    [InlineData("おすすめ", "recommend")]
    [InlineData("オススメ！", "recommend")]
    [InlineData("/recommend", "recommend")]
    [InlineData("ｈｅｌｐ", "help")]
    [InlineData("ＨＥＬＰ", "help")]
    [InlineData("Help!", "help")]
    [InlineData("  help  ", "help")]
    [InlineData("/help", "help")]
    [InlineData("?", "help")]
    [InlineData("？", "help")]
    [InlineData("ヘルプ", "help")]
    [InlineData("へるぷ", "help")]
    [InlineData("ﾍﾙﾌﾟ", "help")]
    [InlineData("ヘルプ。", "help")]
    [InlineData("Projects", "projects")]
    [InlineData("list", "projects")]
    [InlineData("プロジェクト一覧", "projects")]
    [InlineData("ぷろじぇくと", "projects")]
    [InlineData("一覧", "projects")]
    [InlineData("募集", "projects")]
    [InlineData("募集中", "projects")]
    [InlineData("sign up 3", "sign up 3")]
    [InlineData("Sign  Up　３", "sign up 3")]
    [InlineData("signup 3", "sign up 3")]
    [InlineData("join #3", "sign up #3")]
    [InlineData("参加 3", "sign up 3")]
    [InlineData("参加３", "sign up 3")]
    [InlineData("参加　３", "sign up 3")]
    [InlineData("応募 2", "sign up 2")]
    [InlineData("参加", "sign up")]
    [InlineData("応募者 4", "applicants 4")]
    [InlineData("my projects", "my projects")]
    [InlineData("My Project", "my projects")]
    [InlineData("自分のプロジェクト", "my projects")]
    [InlineData("参加中", "my projects")]
    [InlineData("辞退 2", "withdraw 2")]
    [InlineData("キャンセル", "cancel")]
    [InlineData("ｃａｎｃｅｌ", "cancel")]
    [InlineData("英語", "english")]
    public void Normalize_TypedCommand_CanonicalForm(string typed, string expected) =>
        Assert.Equal(expected, CommandText.Normalize(typed));

    [Theory]
    [InlineData("参加者が足りなくて困っています")]
    [InlineData("projection mapping for the festival")]
    [InlineData("募集について教えてください")]
    public void Normalize_FreeText_KeepsItsWords(string typed) =>
        Assert.Equal(typed, CommandText.Normalize(typed));

    [Fact]
    public void Normalize_CommandWithFreeText_KeepsTheRestAsTyped() =>
        Assert.Equal("new need Our NPO needs a website", CommandText.Normalize("相談 Our NPO needs a website"));

    [Theory]
    [InlineData("hlep", "help")]
    [InlineData("HLEP", "help")]
    [InlineData("projcts", "projects")]
    [InlineData("porjects", "projects")]
    [InlineData("sigup 2", "sign up 2")]
    [InlineData("sing up 2", "sign up 2")]
    [InlineData("withdrow 4", "withdraw 4")]
    [InlineData("my projetcs", "my projects")]
    [InlineData("mnual", "manual")]
    [InlineData("feedbak", "feedback")]
    [InlineData("profle", "profile")]
    [InlineData("recomend", "recommend")]
    [InlineData("ヘルブ", "ヘルプ")]
    [InlineData("マニュアノレ", null)]
    [InlineData("フィードバク", "フィードバック")]
    [InlineData("good", null)]
    [InlineData("what is this", null)]
    [InlineData("ok", null)]
    [InlineData("参考", null)]
    public void Suggest_NearMiss_ClosestCommandOrNothing(string typed, string? expected) =>
        Assert.Equal(expected, NearMiss.Suggest(CommandText.Normalize(typed)));

    [Fact]
    public void Suggest_TwoCommandsEquallyClose_SuggestsNothing() =>
        // One letter from both "mute" and "unmute": which one was meant is a guess, so none is offered.
        Assert.Null(NearMiss.Suggest("nmute"));

    [Theory]
    [InlineData("hi", SmallTalk.Greeting)]
    [InlineData("Hello!", SmallTalk.Greeting)]
    [InlineData("hi there", SmallTalk.Greeting)]
    [InlineData("Good morning", SmallTalk.Greeting)]
    [InlineData("こんにちは", SmallTalk.Greeting)]
    [InlineData("こんにちは！", SmallTalk.Greeting)]
    [InlineData("おはよう", SmallTalk.Greeting)]
    [InlineData("おはようございます。", SmallTalk.Greeting)]
    [InlineData("はじめまして", SmallTalk.Greeting)]
    [InlineData("thanks", SmallTalk.Thanks)]
    [InlineData("Thank you!", SmallTalk.Thanks)]
    [InlineData("ありがとう", SmallTalk.Thanks)]
    [InlineData("ありがとうございます", SmallTalk.Thanks)]
    [InlineData("👍", SmallTalk.Acknowledgement)]
    [InlineData("👍🏻", SmallTalk.Acknowledgement)]
    [InlineData("🙏🎉", SmallTalk.Acknowledgement)]
    [InlineData("了解", SmallTalk.Acknowledgement)]
    [InlineData("OK", SmallTalk.Acknowledgement)]
    [InlineData("hi, we are an NPO that needs a website", SmallTalk.None)]
    [InlineData("what is this", SmallTalk.None)]
    [InlineData("", SmallTalk.None)]
    public void Classify_SmallTalk_Recognised(string typed, SmallTalk expected) =>
        Assert.Equal(expected, NearMiss.Classify(CommandText.Normalize(typed)));

    [Fact]
    public void Vocabulary_NoSpellingBelongsToTwoCommands()
    {
        var owners = CommandWords.All.SelectMany(c => c.Spellings.Select(s => (s, c.Canonical))).GroupBy(p => p.s).Where(g => g.Select(p => p.Canonical).Distinct().Count() > 1);

        Assert.Empty(owners.Select(g => g.Key));
    }

    [Fact]
    public void Vocabulary_EverySpellingIsAlreadyNormalised()
    {
        var unfolded = CommandWords.All.SelectMany(c => c.Spellings).Where(s => !string.Equals(s, CommandText.Fold(s).ToLowerInvariant(), StringComparison.Ordinal));

        Assert.Empty(unfolded);
    }
}
