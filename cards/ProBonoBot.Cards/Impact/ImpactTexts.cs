namespace ProBonoBot.Cards.Impact;

/// <summary>Texts of closing a project, thank-you cards, the club report and my impact (section <c>impact</c> of the string files).</summary>
public sealed class ImpactTexts
{
}
