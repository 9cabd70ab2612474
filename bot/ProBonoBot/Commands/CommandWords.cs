namespace ProBonoBot.Commands;

/// <summary>A command as the routes know it (<see cref="Canonical"/>) and every way people type its first words.</summary>
/// <param name="Canonical">The form every route's pattern accepts (English, lower case).</param>
/// <param name="English">What to show an English speaker (a suggestion's button).</param>
/// <param name="Japanese">What to show a Japanese speaker.</param>
/// <param name="NeedsNumber">True when the command is followed by a project number (<c>sign up 3</c>).</param>
/// <param name="Variants">Other spellings, synonyms, hiragana and katakana forms, already in normalised form.</param>
public sealed record CommandWord(string Canonical, string English, string Japanese, bool NeedsNumber, IReadOnlyList<string> Variants)
{
    /// <summary>The canonical form and its variants.</summary>
    public IEnumerable<string> Spellings => Variants.Prepend(Canonical);
}

/// <summary>The vocabulary of typed commands, in both languages.</summary>
public static class CommandWords
{
    public static IReadOnlyList<CommandWord> All { get; } =
    [
        new("help", "help", "ヘルプ", false, ["?", "ヘルプ", "へるぷ", "使い方", "つかいかた", "何ができる", "なにができる", "commands", "menu", "メニュー"]),
        new("projects", "projects", "募集中", false, ["project list", "project", "list", "open projects", "プロジェクト一覧", "プロジェクト", "ぷろじぇくと", "ぷろじぇくといちらん", "一覧", "いちらん", "募集中", "募集一覧", "募集", "ぼしゅう", "ぼしゅうちゅう"]),
        new("sign up", "sign up", "参加", true, ["signup", "sign-up", "join", "参加", "さんか", "参加する", "応募", "おうぼ", "応募する"]),
        new("my projects", "my projects", "参加中", false, ["my project", "my sign ups", "my signups", "my sign-ups", "myprojects", "参加中", "さんかちゅう", "マイプロジェクト", "自分のプロジェクト", "じぶんのぷろじぇくと", "私のプロジェクト"]),
        new("profile", "profile", "プロフィール", false, ["my profile", "profiles", "プロフィール", "ぷろふぃーる", "プロフィール編集", "プロフ"]),
        new("recommend", "recommend", "おすすめ", false, ["recommendations", "recommended", "recommend me", "おすすめ", "オススメ", "お勧め", "お薦め", "おすすめのプロジェクト"]),
        new("withdraw", "withdraw", "辞退", true, ["辞退", "じたい"]),
        new("new project", "new project", "新規プロジェクト", false, ["create project", "新規プロジェクト", "プロジェクト作成", "新しいプロジェクト"]),
        new("edit", "edit", "編集", true, ["編集", "へんしゅう"]),
        new("publish", "publish", "公開", true, ["公開", "こうかい"]),
        new("applicants", "applicants", "応募者", true, ["応募者", "おうぼしゃ", "応募状況"]),
        new("broadcast", "broadcast", "配信", true, ["配信", "はいしん"]),
        new("leaders", "leaders", "リーダー", false, ["リーダー", "りーだー", "リーダー一覧"]),
        new("mute", "mute", "配信停止", false, ["配信停止"]),
        new("unmute", "unmute", "配信再開", false, ["配信再開"]),
        new("new need", "new need", "相談", false, ["need", "相談", "そうだん", "新しい相談", "ニーズ"]),
        new("manual", "manual", "マニュアル", false, ["manuals", "guide", "マニュアル", "まにゅある", "手順書", "ガイド"]),
        new("feedback", "feedback", "フィードバック", false, ["フィードバック"]),
        new("plan", "plan", "計画", true, ["schedule", "milestones", "計画", "けいかく", "予定", "よてい", "スケジュール"]),
        new("my hours", "my hours", "活動時間", false, ["hours", "log hours", "my time", "活動時間", "かつどうじかん", "時間記録", "稼働時間"]),
        new("approve hours", "approve hours", "時間承認", false, ["hours approval", "approve my team's hours", "時間承認", "じかんしょうにん", "活動時間の承認", "活動時間承認"]),
        new("close", "close", "終了", true, ["close project", "終了", "しゅうりょう", "完了", "かんりょう"]),
        new("report", "report", "レポート", false, ["club report", "レポート", "れぽーと", "報告", "実績報告"]),
        new("my impact", "my impact", "私の活動", false, ["impact", "my activity", "私の活動", "わたしのかつどう", "自分の活動", "活動実績"]),
        new("english", "English", "English", false, ["英語", "えいご"]),
        new("日本語", "日本語", "日本語", false, ["japanese", "にほんご"]),
        new("cancel", "cancel", "キャンセル", false, ["stop", "quit", "abort", "キャンセル", "きゃんせる", "やめる", "やめます", "やめて", "止める", "中止", "取り消し", "とりけし"]),
    ];
}
