using System.Text;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Profiles;

namespace ProBonoBot.Tests.Impact;

/// <summary>The close form repeats the whole skill lexicon per member: it must stay under Teams' card size limit for a usual team.</summary>
public sealed class CloseCardSizeTests
{
    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Japanese)]
    public void CloseForm_SixMembersFullLexicon_UnderTeamsLimit(Language language)
    {
        var skills = SkillLexicon.All.Select(s => (s.Name(language), s.Id)).ToList();
        var members = Enumerable.Range(1, 6).Select(i => new CloseMemberModel($"00000000-0000-0000-0000-00000000000{i}", $"Member number {i}")).ToList();

        var card = CloseCard.Build(language, new CloseFormModel(12, new string('x', 120), members, skills));

        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 28_000, $"{Encoding.UTF8.GetByteCount(card.ToJsonString())} bytes for {skills.Count} skills");
    }
}
