using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting.Rubric;

/// <summary>
/// A deterministic fake model that invents: for every brief request it answers a schema-valid brief built from the
/// need (its true facts) with six invented facts planted in it — a person, a date, a tool, a count, an organisation
/// and an email. Grounding must turn every one of them into a question; <see cref="Caught"/> says whether it did.
/// </summary>
public sealed class InventingChatClient : IChatClient
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>The facts planted in every brief of <paramref name="language"/> (none is in any fixture's need).</summary>
    public static IReadOnlyList<string> Planted(Language language) => language == Language.Japanese
        ? ["渡辺健二", "2027年6月30日", "kintone", "4812", "北浜地域振興協議会", "kenji.watanabe@example.org"]
        : ["Kenji Watanabe", "June 30, 2027", "Airtable", "4,812", "Northfield Rotary Foundation", "kenji.watanabe@example.org"];

    /// <summary>The brief this stub answers for a need: the offline draft with the planted facts mixed in.</summary>
    public static ProjectBrief Invent(string need, Language language)
    {
        var p = Planted(language);
        var ja = language == Language.Japanese;
        var brief = OfflineBriefWriter.Write(new BriefRequest(need, NeedAnswers.None, language));
        return brief with
        {
            Partner = brief.Partner with { Contact = p[5] },
            Background = brief.Background + (ja ? $"支援先は{p[3]}世帯を支えています。" : $" The partner serves {p[3]} families."),
            Impact = brief.Impact + (ja ? $"{p[4]}と連携する。" : $" Run together with the {p[4]}."),
            Deadline = p[1],
            Tools = [.. brief.Tools, p[2]],
            Readiness = brief.Readiness with { Owner = ja ? $"{p[0]}さん" : p[0] },
        };
    }

    /// <summary>Whether a planted fact was caught: not stated anywhere in the final brief, and asked about in its open questions.</summary>
    public static bool Caught(ProjectBrief final, string planted)
    {
        ArgumentNullException.ThrowIfNull(final);
        var stated = JsonSerializer.Serialize(final with { OpenQuestions = [] }, Json);
        return !stated.Contains(planted, StringComparison.Ordinal) && final.OpenQuestions.Any(q => q.Contains(planted, StringComparison.Ordinal));
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer(messages))));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, Answer(messages));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static string Answer(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        var language = list[0].Text.Contains("in Japanese", StringComparison.Ordinal) ? Language.Japanese : Language.English;
        var user = list.First(m => m.Role == ChatRole.User).Text;
        var start = user.IndexOf("<need>\n", StringComparison.Ordinal) + "<need>\n".Length;
        var end = user.IndexOf("\n</need>", start, StringComparison.Ordinal);
        return JsonSerializer.Serialize(Invent(user[start..end], language), Json);
    }
}
