using System.Text.RegularExpressions;

namespace ProBonoBot.Drafting;

/// <summary>The patterns <see cref="NeedReader"/> reads with (kept apart so the reading logic stays short).</summary>
internal static partial class NeedReader
{
    private const string NameEn = @"(?:(?:Ms|Mr|Mrs|Dr|Prof)\.?\s+)?[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*(?:\s+[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*){0,2}";

    private const string TitleEn = @"(?:executive\s+|managing\s+|deputy\s+|assistant\s+|vice[- ]|(?:practice|clinic|school|club|office|general|programme|program|project|volunteer|centre|center|site|community|market|head)\s+)?(?:director|chair(?:person|woman|man)?|head\s?teacher|head|manager|co-?ordinator|secretary|president|principal|leader|representative|co-?founder|founder|organi[sz]er|treasurer|owner|caretaker|(?:volunteer|programme|program|project|office|centre|center|site|community|market)\s+(?:coordinator|manager|lead|leader|director|officer))";

    // Not after a title or abbreviation ("Mrs. Ito", "e.g. a map", "St. Mary's"); a dot inside an email or URL has no space after it.
    [GeneratedRegex(@"(?<=[。！？!?])|\n+|(?<=[.!?])(?<!\b(?:Inc|Ltd|Co|Mr|Ms|Mrs|Dr|Prof|St|No|etc|e\.g|E\.g|i\.e|approx|vs|Jr|Sr|Mt|Ave|Rd|ca)\.)\s+", RegexOptions.None, 500)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"ignore\s+(?:(?:all|the|any|previous|prior|above|your|these|earlier)\s+)*(?:instructions?|rules|prompts?)|disregard\s+(?:(?:the|all|any|previous|your)\s+)*(?:instructions?|rules)|system prompt|\byou are now\b|\bset the (?:partner|organi[sz]ation|deadline|contact|title)\b|(?:指示|ルール|命令|プロンプト)を無視|(?:以前|前|上)の指示|システムプロンプト|(?:支援先|団体名|パートナー|締め?切り?|担当者?)を.{1,30}?に(?:設定|変更)", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Injection();

    [GeneratedRegex(@"(?:\bnot|rather than|instead of|don't need|do not need|don't want|do not want)\s+(?:(?:a|an|the|any)\s+)?(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex NegatedBefore();

    [GeneratedRegex(@"^(?:ではなく|じゃなく|ではない|でなく|は不要|はいらない|は要らない|は必要ない|は必要ありません)", RegexOptions.None, 500)]
    private static partial Regex NegatedAfter();

    [GeneratedRegex(@"(?<org>(?:NPO法人|特定非営利活動法人|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|株式会社|NPO|団体)\s*[「『][^」』\n]{1,20}[」』])", RegexOptions.None, 500)]
    private static partial Regex JapaneseQuoted();

    [GeneratedRegex(@"(?<org>(?:NPO法人|特定非営利活動法人|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|株式会社|有限会社|合同会社)\s*[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}\p{IsHiragana}ー・A-Za-z0-9]{1,20}|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー・A-Za-z0-9]{1,16}(?:株式会社|有限会社|合同会社))", RegexOptions.None, 500)]
    private static partial Regex JapaneseEntity();

    [GeneratedRegex(@"^(?:NPO法人|特定非営利活動法人|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|株式会社|有限会社|合同会社)\s*", RegexOptions.None, 500)]
    private static partial Regex EntityPrefix();

    [GeneratedRegex(@"(?:を|が|は|から|として)", RegexOptions.None, 500)]
    private static partial Regex EntityNameEnd();

    // Markets, councils, farmers' groups, food banks, shopping streets, fishery co-ops and welfare councils are partners too.
    [GeneratedRegex(@"(?<org>フードバンク[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,8}|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー・A-Za-z0-9]{1,16}(?:市役所|町役場|村役場|社会福祉協議会|社協|協議会|協会|組合|漁協|農協|商店街|商工会議所|商工会|実行委員会|委員会|自治会|町内会|振興会|センター|高等学校|高校|中学校|小学校|大学|財団|朝市|市場|マルシェ|フードバンク|子ども食堂|工房|書店|病院|診療所|クリニック|保育園|図書館|博物館|グループ|クラブ|NPO))", RegexOptions.None, 500)]
    private static partial Regex JapaneseBody();

    // 「八幡神社の秋祭り実行委員会」: a committee or neighbourhood body keeps its owner's name joined by の, and okurigana (祭り) inside.
    [GeneratedRegex(@"(?<org>(?:[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー・]{1,10}の)?[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー・]{1,10}(?:[りきし][\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー]{1,8})?(?:実行委員会|委員会|協議会|自治会|町内会|保存会|青年団|振興会|婦人会|子ども会|老人会))", RegexOptions.None, 500)]
    private static partial Regex JapaneseCommittee();

    // 「珠洲市の漁協」: a generic body named by its place is the partner, place included.
    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,8}(?:市|町|村|地区)の(?:漁協|農協|漁業協同組合|農業協同組合|商店街|社協|社会福祉協議会|朝市|商工会|観光協会|自治会|フードバンク))", RegexOptions.None, 500)]
    private static partial Regex JapaneseLocalBody();

    // A city is the partner only when it speaks for itself (「珠洲市として」), never when it is just where things are.
    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,8}(?:市|町|村|県))(?=として|が主催|の職員として)", RegexOptions.None, 500)]
    private static partial Regex JapanesePlace();

    [GeneratedRegex(@"(?<org>(?:[A-Z][\w'’&.-]*\s+){1,5}(?:NPO|Association|Council|City Hall|City Office|Town Hall|Town Office|Village Office|Centre|Center|Foundation|Market|Primary School|Primary|Academy|School|University|Cooperative|Co-op|Society|Network|Club|Inc\.?|Ltd\.?|Company|Group|Museum|Library|Hospital|Clinic|Chamber of Commerce|Food Bank|Pantry|Committee|Union|Growers|Shopping Street|Shopping Arcade|Kitchen|Nursery|Shelter)|NPO\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})(?![\w])", RegexOptions.None, 500)]
    private static partial Regex EnglishBody();

    [GeneratedRegex(@"(?<org>(?:City|Town|Village) of [A-Z][\w-]+)(?=\s+(?:is|are|wants|needs|would|will|has|plans|asks))", RegexOptions.None, 500)]
    private static partial Regex EnglishCityOf();

    [GeneratedRegex(@"^(?:(?:The|Our|We|A|An|In|At|For|From|With|Hello|Hi|Dear|This|That|Since|After|Before|Local|Please|Thanks|Ask|Contact)\s+)+", RegexOptions.None, 500)]
    private static partial Regex LeadingFiller();

    // After a legal-entity prefix, hiragana can be part of the name (あおぞら子ども食堂); the particle that follows is not.
    [GeneratedRegex(@"(?:では|には|とは|として|から|より|は|が|の|を|に|で|と|も)$", RegexOptions.None, 500)]
    private static partial Regex TrailingParticle();

    [GeneratedRegex(@"(?:担当|窓口|連絡先)(?:者)?(?:は|:|：)?\s*(?<c>[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}]{1,8})(?<h>さん|様|氏)", RegexOptions.None, 500)]
    private static partial Regex ContactJa();

    [GeneratedRegex(@"(?<t>代表理事|理事長|事務局長|副代表|代表|実行委員長|副委員長|委員長|自治会長|会長|組合長|施設長|センター長|所長|校長|教頭|園長|館長|店長|店主|室長|課長|係長|部長|主任|コーディネーター)(?:の|である|:|：)?\s*(?<c>[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー]{1,4}(?:\s?[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}\p{IsHiragana}ー]{1,4})?)(?<h>さん|様|氏)", RegexOptions.None, 500)]
    private static partial Regex TitledJa();

    [GeneratedRegex(@"(?<=^|[、。\s]|\p{IsHiragana})(?<c>[\p{IsCJKUnifiedIdeographs}]{1,4}(?:\s?[\p{IsCJKUnifiedIdeographs}]{1,4})?)と申します", RegexOptions.None, 500)]
    private static partial Regex SelfJa();

    [GeneratedRegex(@"(?<c>" + NameEn + @"),\s+(?:the|our|its)\s+(?<t>" + TitleEn + @")\b", RegexOptions.None, 500)]
    private static partial Regex NameThenTitleEn();

    [GeneratedRegex(@"\b(?:[Oo]ur|[Tt]he|[Ii]ts)\s+(?<t>" + TitleEn + @"),?\s+(?<c>" + NameEn + ")", RegexOptions.None, 500)]
    private static partial Regex TitleThenNameEn();

    [GeneratedRegex(@"[Cc]ontact(?: person)?(?: is|:| will be)?\s+(?<c>" + NameEn + ")", RegexOptions.None, 500)]
    private static partial Regex ContactEn();

    [GeneratedRegex(@"\b(?:I'm|I’m|I am|[Mm]y name is)\s+(?<c>" + NameEn + ")", RegexOptions.None, 500)]
    private static partial Regex SelfEn();

    [GeneratedRegex(@"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|末|上旬|中旬|下旬|頃|中)?|\d{4}年度?(?:末|中)?|(?:来年|今年|再来年)度?(?:\d{1,2}月(?:末|中|頃)?|の春|の夏|の秋|の冬|末|中)?|年内|年度内|年度末|来春|今春|来夏|今夏|今秋|来秋|今冬|(?<![\p{IsCJKUnifiedIdeographs}])(?:春|夏|秋|冬)(?=まで|ごろ|頃|のうち|には)|\d{1,2}/\d{1,2}", RegexOptions.None, 500)]
    private static partial Regex DateJa();

    [GeneratedRegex(@"(?:(?:early|mid|late|the end of|end of)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|(?:the\s+)?end of (?:the\s+)?(?:year|month|fiscal year|summer|spring|autumn|winter)|next (?:spring|summer|autumn|fall|winter|year|month)|(?<=\b(?:by|before|until|this|in time for)\s+(?:the\s+)?)(?:(?:early|late)\s+)?(?:spring|summer|autumn|winter)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DateEn();

    [GeneratedRegex(@"^\s*(?:から|より|開始|スタート|に開始|に始|(?:に|には)(?:始め|スタート|開始))", RegexOptions.None, 500)]
    private static partial Regex StartCueAfter();

    [GeneratedRegex(@"(?:start(?:ing|s)?|from|begin(?:ning|s)?|kick ?off)\s*(?:in|on|at)?\s*$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex StartCueBefore();

    [GeneratedRegex(@"^\s*(?:まで|までに|締切|締め切り|期限|に開催|開催|の開催|に公開|公開|納期|が期限|のシンポジウム|のイベント|に(?:完成|仕上|終え|公開|導入|納品|間に合|運用)|中に|には|の[^\s。、]{1,10}?(?:まで|前に|に間に合))", RegexOptions.None, 500)]
    private static partial Regex DeadlineCueAfter();

    [GeneratedRegex(@"(?:\b(?:by|before|until|deadline|due|in time for|on|held on|is on|ready for|ready by)\s*(?:the\s+)?|\b(?:by|before|until|in time for)\s+(?:the\s+|our\s+)?(?:[\w'-]+\s+){1,3}(?:in|on)\s+)$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DeadlineCueBefore();

    // "before the holiday drive starts on November 15": the date something else starts is the project's deadline.
    [GeneratedRegex(@"\bbefore\s+(?:[\w'’-]+\s+){1,6}(?:starts?|opens?|begins?|kicks? off|launch(?:es)?)\s+(?:on|in|at)?\s*(?:the\s+)?$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex BeforeStartBefore();

    // 「11月15日に冬のフードドライブが始まる前に」
    [GeneratedRegex(@"^\s*(?:に|から)[^。！？\n]{0,24}?(?:始まる|始まり|開始する|開始される|スタートする|オープンする|開幕する)(?:より)?前(?:に|まで)", RegexOptions.None, 500)]
    private static partial Regex BeforeStartAfter();

    // 「今年の9月末」: a year that only qualifies the month after it.
    [GeneratedRegex(@"^\s*の?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})月", RegexOptions.None, 500)]
    private static partial Regex QualifiesMonth();

    [GeneratedRegex(@"^(?:今年|来年|再来年)度?$", RegexOptions.None, 500)]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(?:年内|年度内|年度末|今年度中)$", RegexOptions.None, 500)]
    private static partial Regex InherentDeadline();

    [GeneratedRegex(@"厳守|必ず|動かせない|絶対|fixed|firm|must be ready|cannot move|can't move|hard deadline", RegexOptions.IgnoreCase, 500)]
    private static partial Regex FirmCue();

    [GeneratedRegex(@"(?:\d+|[一二三四五六])\s*(?:ヶ月|か月|カ月|ヵ月|ケ月|週間|年間)|半年|\b(?:\d+|one|two|three|four|five|six|twelve)[\s-]*(?:months?|weeks?)\b|half a year", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?:delayed|postponed|late|behind|took|lasted|closed|shut|stopped|for the past|every|each)\s+(?:by\s+)?(?:about\s+|around\s+)?$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex IncidentalBefore();

    [GeneratedRegex(@"^\s*(?:ago|late|later|behind|earlier|overdue|of delay|遅れ|遅く|延び|延期|ずれ|前に|前から|前の|後に|後の|ごと|おき|に1回|に一度|ぶり|経ち|経っ|たっ|かかって|休)", RegexOptions.IgnoreCase, 500)]
    private static partial Regex IncidentalAfter();

    [GeneratedRegex(@"(?:within|over|about|around|roughly|approximately|period of|期間は|期間|約|およそ|最大)\s*(?:the\s+next\s+)?$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex ProjectSpanBefore();

    [GeneratedRegex(@"^\s*(?:で|ほど|程度|くらい|ぐらい|以内|かけて|の(?:期間|プロジェクト|支援)|間で|project|programme|program|engagement|of (?:work|support|help))", RegexOptions.IgnoreCase, 500)]
    private static partial Regex ProjectSpanAfter();

    [GeneratedRegex(@"週\s*(?<h>\d+)\s*時間|(?<h>\d+)\s*時間\s*[/／]\s*週|\b(?<h>\d+)\s*(?:hours?|hrs?|h)\s*(?:a|per|/|each)\s*week", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Hours();

    [GeneratedRegex(@"(?<p>\d+|[二三四五六])\s*(?:人|名)(?:程度|ほど|くらい|ぐらい)?(?:の|で)?(?:チーム|メンバー|ボランティア|社員|方|協力|手伝)|\b(?<p>\d+|two|three|four|five|six)\s+(?:people|volunteers|members|persons|helpers)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex People();

    [GeneratedRegex(@"(?<![\w.])(?:(?:about|around|approximately|roughly|nearly|almost|over|more than|some|up to)\s+|~\s*|ca\.\s*)?(?<n>\d[\d,]*)\+?\s+(?:[a-z-]+\s+){0,2}(?:households|homes|families|people|persons|residents|children|kids|students|pupils|patients|elderly|seniors|vendors|stalls|stallholders|farmers|members|participants|attendees|visitors|guests|staff|volunteers|helpers|users|clients)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex CountEn();

    [GeneratedRegex(@"(?:約|およそ|おおよそ|全|計)?(?<n>\d[\d,]*)\s*(?:世帯|人|名|軒|戸|家族|店舗)(?:ほど|程度|くらい|ぐらい|以上|余り|超|前後)?(?:の(?:高齢者|子ども|子供|児童|生徒|住民|利用者|患者|家族|出店者|農家|被災者|方))?", RegexOptions.None, 500)]
    private static partial Regex CountJa();

    [GeneratedRegex(@"\b(?:staff|volunteers?|helpers?|on the day|to help|help us|team)\b|スタッフ|ボランティア|手伝|人手|協力|メンバー|当日|チーム", RegexOptions.IgnoreCase, 500)]
    private static partial Regex HelperCue();

    [GeneratedRegex(@"記録|管理|名簿|台帳|連絡先|データ|個人情報|出欠|出席|カルテ|\b(?:register|records?|data|list|contacts?|database|spreadsheet|forms?|files?|details|attendance)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DataCue();

    [GeneratedRegex(@"子ども(?!食堂)|子供(?!食堂)|児童|園児|生徒|保護者|患者|利用者|高齢者|参加者|\b(?:children|child|kids|students|pupils|parents?|patients?|elderly|older people|participants)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DataSubject();

    [GeneratedRegex(@"個人情報|氏名|住所|電話番号|名簿|連絡先|メールアドレス|\bcontact details\b|\bemail addresses\b|\bpersonal (?:data|information|details)\b|\b(?:home )?addresses\b|\bphone numbers\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex PersonalWords();

    [GeneratedRegex(@"現地|現場に|訪問|視察|下見|対面|出張|(?<!出)来て|on-site|onsite|on site|in person|in-person|\bvisit(?:s|ed|ing)?\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex OnSiteCue();

    [GeneratedRegex(@"リモート|オンライン|在宅|remote|online|virtual", RegexOptions.IgnoreCase, 500)]
    private static partial Regex RemoteCue();

    // 「知り合いが運営している子ども食堂の話です。」 says who is writing, not what the partner does.
    [GeneratedRegex(@"知り合い|知人|友人|友達|私の|私が|私は|僕|の話です|についてです|\b(?:my friend|a friend|friend of mine|acquaintance|someone I know|I'm writing|I am writing|writing on behalf)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex AboutTheWriter();

    [GeneratedRegex(@"活動|目指|取り組|運営|支援して|しています|mission|we run|we are a|works to|aims to|our goal|\b(?:supports|helps|serves|provides)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex MissionCue();
}
