namespace ProBonoBot.Cards.Hours;

/// <summary>Texts of volunteer hours: logging, approval and corrections (section <c>hours</c> of the string files).</summary>
public sealed class HoursTexts
{
}
