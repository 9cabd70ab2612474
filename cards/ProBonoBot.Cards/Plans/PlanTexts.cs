namespace ProBonoBot.Cards.Plans;

/// <summary>Texts of the plan of a project, reminders and calendar invites (section <c>plans</c> of the string files).</summary>
public sealed class PlanTexts
{
}
