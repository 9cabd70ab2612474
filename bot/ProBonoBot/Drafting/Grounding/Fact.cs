namespace ProBonoBot.Drafting.Grounding;

/// <summary>The kinds of concrete fact a draft can state about a partner or a project.</summary>
[Flags]
public enum FactKinds
{
    None = 0,
    Organisation = 1,
    Person = 2,
    Place = 4,
    Contact = 8,
    Date = 16,
    Duration = 32,
    Count = 64,
    Tool = 128,
    Role = 256,

    /// <summary>Who someone is or where something is: the kinds checked everywhere in a draft.</summary>
    Names = Organisation | Person | Place | Contact | Date | Tool,

    /// <summary>Everything but roles (a brief proposes its roles; manuals check them against the project's).</summary>
    All = Names | Duration | Count,
}

/// <summary>
/// A concrete fact found in drafted text: its kind, its text and where it is. <see cref="LooseStart"/>: the first
/// word opens a sentence, so it may be capitalised by grammar rather than be part of the name.
/// </summary>
public sealed record Fact(FactKinds Kind, string Text, int Index, bool LooseStart = false)
{
    public int End => Index + Text.Length;
}
