using ProBonoBot.Cards;
using ProBonoBot.Cards.Profiles;

namespace ProBonoBot.Profiles;

/// <summary>What the profile cards offer, in one language: the lexicon's skills and the interests.</summary>
public static class ProfileChoices
{
    public static ProfileOptions For(Language language) => new(
        [.. SkillLexicon.All.Select(s => new ProfileChoice(s.Id, s.Name(language)))],
        [.. Interests.All.Select(i => new ProfileChoice(i.Key, i.Name(language)))]);
}
