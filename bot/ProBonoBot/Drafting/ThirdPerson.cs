using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting;

/// <summary>
/// The need retold in the third person for the brief's background (which becomes the project's public summary):
/// greetings, self-introductions and sign-offs go; "we/our" become "they/their", 「私たち」 becomes 「同団体」.
/// A sentence that still speaks as "I" is left out rather than pasted.
/// </summary>
internal static partial class ThirdPerson
{
    public static string Summary(IEnumerable<string> sentences, string? organisation, bool japanese, int count, int max)
    {
        var kept = sentences.Select(Sentence).OfType<string>().Take(count).ToList();
        var frame = japanese
            ? $"{organisation ?? "支援先"}からの相談："
            : $"Request from {organisation ?? "the partner"}: ";
        var text = (frame + string.Join(kept.Any(Languages.LooksJapanese) ? string.Empty : " ", kept)).Trim();
        return text.Length > max ? TextCut.Cut(text, max) + "…" : text;
    }

    /// <summary>One sentence in the third person, or null when it is a greeting, an introduction or only about the writer.</summary>
    public static string? Sentence(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (Languages.LooksJapanese(sentence))
        {
            var ja = GreetingJa().Replace(sentence.Trim(), string.Empty);
            if (ja.Length < 2 || SelfJa().IsMatch(ja))
            {
                return null;
            }

            ja = WeJa().Replace(ja, "同団体");
            return IJa().IsMatch(ja) ? null : ja;
        }

        var en = GreetingEn().Replace(sentence.Trim(), string.Empty);
        if (en.Length < 2 || SelfEn().IsMatch(en))
        {
            return null;
        }

        en = WantEn().Replace(en, m => "they " + (m.Groups["v"].Value is "like" or "love" ? "would " : string.Empty) + m.Groups["v"].Value);
        en = WeEn().Replace(en, m => m.Value switch
        {
            "We" => "They", "we" => "they", "Our" => "Their", "our" => "their", "Ours" => "Theirs", "ours" => "theirs",
            "us" => "them", "Us" => "Them", "ourselves" => "themselves", "We're" or "We’re" => "They're", "we're" or "we’re" => "they're",
            "We've" or "We’ve" => "They've", "we've" or "we’ve" => "they've", "We'd" or "We’d" => "They'd", "we'd" or "we’d" => "they'd",
            _ => m.Value,
        });
        if (IEn().IsMatch(en))
        {
            return null;
        }

        return char.IsLower(en[0]) ? char.ToUpperInvariant(en[0]) + en[1..] : en;
    }

    [GeneratedRegex(@"^(?:(?:hi|hello|hey|dear\s+[\w\s]{1,30}?|good\s+(?:morning|afternoon|evening)|greetings)(?:\s+(?:there|all|everyone|team))?[,!.:\s–—-]*)+", RegexOptions.IgnoreCase, 500)]
    private static partial Regex GreetingEn();

    [GeneratedRegex(@"^(?:I'm|I’m|I am|my name is|this is)\b|\bI (?:run|manage|lead|coordinate|work (?:at|for)|volunteer (?:at|for))\b|^(?:thanks|thank you|many thanks|best regards|regards|cheers|looking forward|let me know|please (?:let|get|contact|reach))\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex SelfEn();

    [GeneratedRegex(@"\bI(?:'d| would)\s+(?<v>like|love)|\bI\s+(?<v>want|need|hope|wish)", RegexOptions.None, 500)]
    private static partial Regex WantEn();

    [GeneratedRegex(@"\b(?:We(?:'re|’re|'ve|’ve|'d|’d)?|we(?:'re|’re|'ve|’ve|'d|’d)?|Our|our|Ours|ours|Us|us|ourselves)\b", RegexOptions.None, 500)]
    private static partial Regex WeEn();

    [GeneratedRegex(@"\b(?:I|I'm|I’m|I've|I’ve|I'll|my|My|me)\b", RegexOptions.None, 500)]
    private static partial Regex IEn();

    [GeneratedRegex(@"^(?:(?:こんにちは|こんばんは|はじめまして|初めまして|お世話になっております|お世話になります|突然のご連絡失礼します|突然失礼します)[。、！!\s]*)+", RegexOptions.None, 500)]
    private static partial Regex GreetingJa();

    [GeneratedRegex(@"と申します|よろしくお願い(?:します|いたします|致します)|ご検討ください", RegexOptions.None, 500)]
    private static partial Regex SelfJa();

    [GeneratedRegex(@"私たち|わたしたち|私ども|わたくしども|我々|弊団体|当団体|弊社|当法人|うちの団体", RegexOptions.None, 500)]
    private static partial Regex WeJa();

    [GeneratedRegex(@"私|わたし|僕|ぼく", RegexOptions.None, 500)]
    private static partial Regex IJa();
}
