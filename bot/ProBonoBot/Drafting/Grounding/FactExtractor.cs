using System.Text.RegularExpressions;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>
/// Finds the concrete facts in drafted text by their shape: contacts, dates, durations, numbers, known tools and
/// products, capitalised names (Latin), and names with an organisation, place or honorific ending (Japanese).
/// It is deliberately shallow: what it finds must be in the sources; what it misses is left to the person reviewing.
/// </summary>
public static partial class FactExtractor
{
    // Capitalised for grammar or common in drafts: never a name on their own.
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "The", "A", "An", "Our", "Your", "Their", "Its", "This", "That", "These", "Those", "We", "They", "It", "He", "She", "You",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Phase", "Step", "Week", "Team", "Teams", "Microsoft", "Markdown", "English", "Japanese",
        "OK", "PDF", "CSV", "HTML", "CSS", "IT", "AI", "FAQ", "SNS", "QR", "UI", "UX", "URL", "PM", "NPO", "NGO", "Q&A", "Wi-Fi", "DX",
        "CRM", "EC", "OS", "PR", "SEO", "LP", "DB", "API", "ICT", "IoT", "PC", "ID",
        "To", "Confirm", "Kickoff", "Interim", "Final", "Project", "Website", "Web", "App", "Partner", "Leader", "Leaders", "Club",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "And", "Or", "For", "With", "From", "In", "On", "At", "By", "Of",
    };

    private static readonly string[] OrganisationWords =
    [
        "market", "association", "council", "bank", "foundation", "center", "centre", "club", "society", "inc", "ltd", "llc", "school",
        "church", "network", "group", "cooperative", "co-op", "trust", "fund", "museum", "library", "committee", "union", "institute",
        "university", "college", "hospital", "clinic", "kitchen", "pantry", "alliance", "company", "studio", "shop", "cafe", "farm",
    ];

    private static readonly string[] JapaneseOrganisationEndings =
    [
        "協会", "協議会", "組合", "商店街", "財団", "法人", "株式会社", "センター", "クラブ", "委員会", "会議所", "役所", "役場", "社協",
        "フードバンク", "食堂", "学園", "学校", "大学", "病院", "振興会", "保存会", "自治会", "町内会", "商工会", "婦人会", "青年団", "漁協", "農協",
    ];

    private static readonly HashSet<string> JapaneseGenericPlaces = new(StringComparer.Ordinal) { "都市", "地区", "学区", "市区町村", "市町村", "区市町村", "各市町村", "城下町" };

    /// <summary>The facts of <paramref name="kinds"/> in <paramref name="text"/>, without overlaps, in reading order.</summary>
    public static IReadOnlyList<Fact> Extract(string? text, FactKinds kinds = FactKinds.All)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<Fact>();
        void Add(FactKinds kind, Regex regex, Func<Match, Fact?>? pick = null)
        {
            if ((kinds & kind) == 0)
            {
                return;
            }

            foreach (Match m in regex.Matches(text))
            {
                if ((pick is null ? new Fact(kind, m.Value, m.Index) : pick(m)) is { Text.Length: > 0 } hit && !found.Any(f => hit.Index < f.End && f.Index < hit.End))
                {
                    found.Add(hit);
                }
            }
        }

        // Earlier patterns win overlaps: an email's digits are not a count, a date's year not a number.
        Add(FactKinds.Contact, Email());
        Add(FactKinds.Contact, Url(), m => new Fact(FactKinds.Contact, m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')'), m.Index));
        Add(FactKinds.Contact, Phone());
        Add(FactKinds.Date, DateLike());
        Add(FactKinds.Duration, DurationLike());
        Add(FactKinds.Tool, Tool());
        Add(FactKinds.Person, JapanesePerson(), m => new Fact(FactKinds.Person, m.Groups["name"].Value, m.Groups["name"].Index));
        Add(FactKinds.Organisation | FactKinds.Place, JapaneseRun(), m => JapaneseName(m, kinds));
        Add(FactKinds.Organisation | FactKinds.Person | FactKinds.Place, LatinName(), m => LatinName(text, m));
        Add(FactKinds.Count, CountLike(), m => new Fact(FactKinds.Count, m.Value.TrimEnd(','), m.Index));
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Kind.HasFlag(FactKinds.Organisation) && found[i].Kind.HasFlag(FactKinds.Person))
            {
                found[i] = found[i] with { Kind = Classify(text, found[i]) };
            }
            else if (found[i].Kind == (FactKinds.Organisation | FactKinds.Place))
            {
                found[i] = found[i] with { Kind = JapaneseOrganisationEndings.Any(e => found[i].Text.EndsWith(e, StringComparison.Ordinal)) ? FactKinds.Organisation : FactKinds.Place };
            }
        }

        return [.. found.Where(f => (f.Kind & kinds) != 0).OrderBy(f => f.Index)];
    }

    /// <summary>The words of a Latin name that must be in a source (grammar-capitalised and generic words excluded).</summary>
    public static IReadOnlyList<string> KeyWords(string name) =>
        [.. Word().Matches(name).Select(m => m.Value).Where(w => !Generic.Contains(w) && !Connector().IsMatch(w))];

    private static Fact? JapaneseName(Match m, FactKinds kinds)
    {
        var value = m.Value;
        if (JapaneseOrganisationEndings.Any(e => value.EndsWith(e, StringComparison.Ordinal) && value.Length > e.Length))
        {
            return (kinds & FactKinds.Organisation) != 0 ? new Fact(FactKinds.Organisation, value, m.Index) : null;
        }

        var isPlace = value.Length >= 2 && "都道府県市区町村郡".Contains(value[^1], StringComparison.Ordinal) && !JapaneseGenericPlaces.Contains(value);
        return isPlace && (kinds & FactKinds.Place) != 0 ? new Fact(FactKinds.Place, value, m.Index) : null;
    }

    private static Fact? LatinName(string text, Match m)
    {
        var words = Word().Matches(m.Value).ToList();
        var sentenceStart = m.Index == 0 || SentenceEnd().IsMatch(text[..m.Index]);
        var start = 0;
        while (start < words.Count && Generic.Contains(words[start].Value))
        {
            start++;
        }

        var end = words.Count;
        while (end > start && Generic.Contains(words[end - 1].Value))
        {
            end--;
        }

        // A lone capitalised word opening a sentence is grammar, not a name.
        if (start >= end || (end - start == 1 && sentenceStart && start == 0 && !IsAcronym(words[0].Value)))
        {
            return null;
        }

        var first = words[start];
        var last = words[end - 1];
        var value = m.Value[first.Index..(last.Index + last.Length)];
        // "Help Riverside Market…": a sentence's first word may be a verb capitalised by grammar, so it need not be in a source.
        return KeyWords(value).Count == 0 ? null : new Fact(FactKinds.Organisation | FactKinds.Person, value, m.Index + first.Index, LooseStart: sentenceStart && start == 0);
    }

    private static FactKinds Classify(string text, Fact fact)
    {
        var lower = fact.Text.ToLowerInvariant();
        if (OrganisationWords.Any(w => Regex.IsMatch(lower, $@"\b{Regex.Escape(w)}\b", RegexOptions.None, TimeSpan.FromMilliseconds(200))))
        {
            return FactKinds.Organisation;
        }

        var before = text[..fact.Index].TrimEnd();
        return PlacePreposition().IsMatch(before) ? FactKinds.Place : FactKinds.Person;
    }

    private static bool IsAcronym(string word) => word.Length is >= 2 and <= 4 && word.All(c => char.IsUpper(c) || char.IsDigit(c));

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+", RegexOptions.None, 500)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>()「」（）、。]+", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\p{N}])(?:\+\d{1,3}[\s-]?)?(?:\(\d{1,4}\)\s?)?\d{2,4}[\s-]\d{2,4}[\s-]\d{3,4}(?![\p{N}])|(?<![\p{N}])0\d{9,10}(?![\p{N}])", RegexOptions.None, 500)]
    private static partial Regex Phone();

    [GeneratedRegex(
        @"\d{4}\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{1,2}|\d{4}\s*年度?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?"
        + @"|(?<!\d)\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\d)|(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d{2})?"
        + @"|(?<![A-Za-z0-9])(?:19|20)\d{2}(?![A-Za-z0-9])|\b(?i:next|this|last)\s+(?i:year|month|spring|summer|autumn|winter)\b|\b(?i:end of (?:the )?(?:year|month))\b|\b(?i:spring|summer|autumn|winter)\b"
        + @"|再来年度?|来年度?|今年度?|年度内|年度末|年内|来月|今月|来春|今春|今秋|来秋|今夏|来夏|今冬|来冬",
        RegexOptions.None, 500)]
    private static partial Regex DateLike();

    [GeneratedRegex(
        @"\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)[\s-]+(?:days?|weeks?|months?|years?)\b"
        + @"|(?:\d+(?:\.\d+)?|[一二三四五六七八九十半]+)\s*(?:日間|週間|か月|ヶ月|カ月|ヵ月|ケ月|箇月|年間|年半)",
        RegexOptions.IgnoreCase, 500)]
    private static partial Regex DurationLike();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:Excel|Google\s+(?:Sheets|Forms|Drive|Workspace|Sites|Calendar|Maps)|Gmail|Slack|Notion|kintone|Salesforce|WordPress|Wix|Shopify|Canva|Zoom|Instagram|Facebook|YouTube|TikTok|Airtable|Power\s+(?:Apps|BI|Automate)|SharePoint|OneDrive|Dropbox|Trello|Asana|Figma|Mailchimp|Squarespace|Tableau|Moodle|Stripe|PayPal|Eventbrite|Peatix|Jimdo|Outlook|QuickBooks|freee|Chatwork|Discord|WhatsApp|Access|Filemaker|FileMaker)(?![A-Za-z0-9])"
        + @"|(?<![A-Za-z0-9])LINE(?![A-Za-z0-9])|エクセル|キントーン|ワードプレス|ズーム|インスタグラム|フェイスブック|スラック|サイボウズ|グーグル(?:フォーム|ドライブ|スプレッドシート)?",
        RegexOptions.None, 500)]
    private static partial Regex Tool();

    [GeneratedRegex(@"(?<name>[\p{IsCJKUnifiedIdeographs}々]{1,4}(?:[ 　]?[\p{IsCJKUnifiedIdeographs}々]{1,4})?|[\p{IsKatakana}ー]{2,10})(?=[ 　]?(?:さん|様|氏|先生))", RegexOptions.None, 500)]
    private static partial Regex JapanesePerson();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー・]{2,24}", RegexOptions.None, 500)]
    private static partial Regex JapaneseRun();

    // Latin letters only: in Japanese text "SNS投稿" is the acronym SNS, not one word.
    [GeneratedRegex(@"(?<![A-Za-z\u00C0-\u024F0-9])[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9'’.&-]*(?:[ \t]+(?:(?:of|the|for|and|de|la|van|von|du|da|&)[ \t]+)*[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9'’.&-]*)*", RegexOptions.None, 500)]
    private static partial Regex LatinName();

    [GeneratedRegex(@"(?<![A-Za-z\p{N}.,])\d[\d,]*(?:\.\d+)?(?![\p{N}])|[一二三四五六七八九十百千]+(?=\s*(?:人|名|世帯|件|店|軒|校|団体|か所|カ所|箇所))", RegexOptions.None, 500)]
    private static partial Regex CountLike();

    [GeneratedRegex(@"[A-Za-z\u00C0-\u024F0-9'’.&-]+", RegexOptions.None, 500)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:of|the|for|and|de|la|van|von|du|da|&)$", RegexOptions.None, 500)]
    private static partial Regex Connector();

    [GeneratedRegex(@"(?:^|[.!?:;。！？\n\r(（「\-—•*#]\s*|^\s*)$", RegexOptions.None, 500)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:in|at|near|from|around)$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex PlacePreposition();
}
