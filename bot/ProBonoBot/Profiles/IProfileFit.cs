namespace ProBonoBot.Profiles;

/// <summary>
/// Who fits a project by their skills profile: the people whose profile matches one of its unfilled roles (or its
/// kind of need), for the "people whose profile fits" audience and the applicants card.
/// </summary>
public interface IProfileFit
{
    /// <summary>Entra object ids of the people whose profile fits the project's unfilled roles.</summary>
    Task<IReadOnlyCollection<string>> PeopleFittingAsync(long projectNumber, CancellationToken ct);
}
