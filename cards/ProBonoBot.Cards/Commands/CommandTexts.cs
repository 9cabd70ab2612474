namespace ProBonoBot.Cards.Commands;

/// <summary>Answers to messages that are not a full command (section <c>commands</c> of the string files).</summary>
public sealed class CommandTexts
{
    /// <summary>A greeting; {0} is the person's first name (escaped), or empty.</summary>
    public required string Greeting { get; init; }
    public required string GreetingNoName { get; init; }
    public required string ButtonProjects { get; init; }
    public required string ButtonMyProjects { get; init; }
    public required string ButtonHelp { get; init; }

    /// <summary>What the buttons above type (each a command in this language).</summary>
    public required string TypeProjects { get; init; }
    public required string TypeMyProjects { get; init; }
    public required string TypeHelp { get; init; }
    public required string Thanks { get; init; }
    public required string Acknowledged { get; init; }

    /// <summary>{0}: the suggested command.</summary>
    public required string DidYouMean { get; init; }
    public required string DidYouMeanHint { get; init; }
    public required string PickSignUp { get; init; }
    public required string PickWithdraw { get; init; }
    public required string PickApplicants { get; init; }
    public required string PickPublish { get; init; }
    public required string PickBroadcast { get; init; }
    public required string PickClose { get; init; }
    public required string PickPlan { get; init; }
    public required string NoneToClose { get; init; }
    public required string NoneToPlan { get; init; }
    public required string PickEdit { get; init; }

    /// <summary>{0}: the command with an example number, e.g. <c>sign up 3</c>.</summary>
    public required string PickHint { get; init; }
    public required string NoneToSignUp { get; init; }
    public required string NoneToWithdraw { get; init; }
    public required string NoneRecruiting { get; init; }
    public required string NoneToPublish { get; init; }
    public required string NoneToEdit { get; init; }
}
