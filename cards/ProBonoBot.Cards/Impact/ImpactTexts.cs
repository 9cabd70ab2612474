namespace ProBonoBot.Cards.Impact;

/// <summary>Texts of closing a project, thank-you cards, the club report and my impact (section <c>impact</c> of the string files).</summary>
public sealed class ImpactTexts
{
    public required string HoursValue { get; init; }
    public required string CloseTitle { get; init; }
    public required string CloseIntro { get; init; }
    public required string FieldOutput { get; init; }
    public required string FieldOutputMissing { get; init; }
    public required string FieldOutcome { get; init; }
    public required string FieldImpact { get; init; }
    public required string FieldFeedback { get; init; }
    public required string MembersHeading { get; init; }
    public required string MembersNone { get; init; }
    public required string FieldSkills { get; init; }
    public required string FieldOtherSkills { get; init; }
    public required string ButtonClose { get; init; }
    public required string CloseNotAllowed { get; init; }
    public required string CloseAlreadyClosed { get; init; }
    public required string CloseWrongStatus { get; init; }
    public required string CloseTampered { get; init; }
    public required string CloseOutputMissing { get; init; }
    public required string Closed { get; init; }
    public required string ThanksTitle { get; init; }
    public required string ThanksIntro { get; init; }
    public required string ThanksHours { get; init; }
    public required string ThanksWaiting { get; init; }
    public required string ThanksSkills { get; init; }
    public required string ThanksOutcome { get; init; }
    public required string ThanksProfileNote { get; init; }
    public required string None { get; init; }
    public required string ReportTitle { get; init; }
    public required string FiscalYear { get; init; }
    public required string ReportRange { get; init; }
    public required string ReportQuarterFocus { get; init; }
    public required string Year { get; init; }
    public required string Quarter { get; init; }

    /// <summary>Participants, approved hours, needs, briefs, projects, teams, hands-on support, closed, partners, new members.</summary>
    public required IReadOnlyList<string> Metrics { get; init; }
    public required string ReportFootnote { get; init; }
    public required string ButtonCsv { get; init; }
    public required string ReportUsage { get; init; }
    public required string ChartTitle { get; init; }
    public required string ChartHours { get; init; }
    public required string ChartPeople { get; init; }
    public required string CsvPeriod { get; init; }
    public required string CsvFrom { get; init; }
    public required string CsvTo { get; init; }
    public required string MyTitle { get; init; }
    public required string MyTotal { get; init; }
    public required string MyWaiting { get; init; }
    public required string MyProjects { get; init; }
    public required string MyProjectHours { get; init; }
    public required string MySkillsUsed { get; init; }
    public required string MyProfileSkills { get; init; }
    public required string MyEmpty { get; init; }

    /// <summary>"12.5 h" / "12.5時間" from minutes (see <see cref="HoursText"/>).</summary>
    public string Hours(long minutes) => Wording.Plurals.Format(HoursValue, HoursText(minutes));

    /// <summary>
    /// Minutes as hours, invariant culture, with one or two decimals: "12.5", "2.0", "0.25" — exact for the quarter hours
    /// members log, so the report agrees with what the hours cards said (two decimals, rounded half away from zero, otherwise).
    /// </summary>
    public static string HoursText(long minutes) =>
        Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero).ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);
}
