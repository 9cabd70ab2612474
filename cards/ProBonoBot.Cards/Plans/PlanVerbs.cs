namespace ProBonoBot.Cards.Plans;

/// <summary>Verbs of the plan cards and the reminder card.</summary>
public static class PlanVerbs
{
    public const string Save = "planSave";
    public const string Answer = "planAnswer";
}
