namespace ProBonoBot.Drafting;

/// <summary>A role a kind of need usually calls for, in both languages.</summary>
internal sealed record RoleTemplate(string NameJa, string NameEn, string SkillsJa, string SkillsEn);

/// <summary>A kind of need the offline drafter recognises by its keywords (Japanese and English), with what such projects usually deliver.</summary>
internal sealed record NeedCategory(
    string Key,
    string[] Keywords,
    string NameJa,
    string NameEn,
    string TitleJa,
    string TitleEn,
    string DeliverableJa,
    string DeliverableEn,
    RoleTemplate[] Roles);

/// <summary>The bilingual lexicon of need categories and skills, learned from the club's past projects.</summary>
internal static class NeedCategories
{
    public static readonly NeedCategory Tracking = new(
        "tracking",
        ["追跡", "履歴", "台帳", "トレーサビリティ", "データベース", "在庫", "管理表", "紙で", "紙の", "記録を", "記録が", "記録し", "記録は", "track", "trace", "history", "database", "inventory", "ledger", "spreadsheet", "on paper", "records"],
        "データ管理・トレーサビリティ", "Data management and traceability",
        "記録と履歴を追える管理の仕組みづくり", "A system to keep records and their history",
        "記録と履歴を一元管理できるデータベース（入力画面つき）", "A database with simple entry forms that keeps every item's records and history",
        [new("データベース設計・開発", "Database developer", "データ設計、ノーコード／ローコードツール、スプレッドシート", "data modelling, no-code / low-code tools, spreadsheets"),
         new("業務分析", "Business analyst", "現場への聞き取り、業務フローの整理", "interviewing front-line staff, mapping the workflow")]);

    public static readonly NeedCategory[] All =
    [
        Tracking,
        new("map",
            ["地図", "マップ", "map", "online map"],
            "地図・マップ", "Maps",
            "ウェブ地図の制作", "An online map",
            "スマートフォンで見られるウェブ地図（支援先が更新できる仕組みつき）", "A mobile-friendly online map the partner can update themselves",
            [new("Webデザイナー", "Web designer", "UIデザイン、地図の見せ方", "UI design, map design"),
             new("Web開発", "Web developer", "地図の埋め込み、HTML/CSS", "web maps, HTML/CSS")]),
        new("website",
            ["ウェブ", "ホームページ", "サイト", "ネットショップ", "website", "web site", "homepage", "online shop", "web page", "web"],
            "ウェブサイト", "Website",
            "ウェブサイトの企画・制作", "A website that tells the partner's story",
            "スマートフォン対応のウェブサイト（更新できる仕組みつき）", "A mobile-friendly website the partner can update themselves",
            [new("Webデザイナー", "Web designer", "UIデザイン、Figma", "UI design, Figma"),
             new("Web開発", "Web developer", "WordPress、HTML/CSS", "WordPress, HTML/CSS"),
             new("コピーライター", "Copywriter", "取材、文章作成", "interviews, writing")]),
        new("register",
            ["出欠", "出席簿", "出席", "名簿", "受付簿", "保護者の連絡先", "attendance", "attendance register", "sign-in sheet", "roll call", "parent contacts"],
            "出欠・名簿の管理", "Attendance and records",
            "出欠と名簿を管理する台帳づくり", "An attendance and records register",
            "出欠と名簿を記録し、報告用に集計できる台帳（スプレッドシート等）", "An attendance and contact register that keeps the records and totals them for reports",
            [new("台帳・データ設計", "Records and spreadsheet developer", "スプレッドシート、ノーコードツール、データ設計", "spreadsheets, no-code tools, data design"),
             new("業務分析", "Business analyst", "現場への聞き取り、業務フローの整理", "interviewing front-line staff, mapping the workflow")]),
        new("video",
            ["動画", "映像", "撮影", "配信", "ライブ", "video", "film", "livestream", "live stream", "streaming", "recording", "youtube"],
            "映像・配信", "Video and streaming",
            "映像記録と配信の支援", "Video recording and streaming support",
            "撮影・配信の実施と、編集済みの記録動画", "Filming and streaming on the day, and an edited recording",
            [new("映像ディレクター", "Video director", "構成、進行管理", "storyboarding, running the shoot"),
             new("撮影・編集", "Camera operator and editor", "撮影機材、動画編集", "camera work, video editing"),
             new("配信技術", "Streaming technician", "配信ソフト、音響", "streaming software, audio")]),
        new("education",
            ["授業", "講座", "カリキュラム", "高校", "学生", "生徒", "ワークショップ", "教材", "研修", "course", "curriculum", "students", "class", "workshop", "lesson", "teaching", "high school"],
            "教育・人材育成", "Education and learning",
            "授業・講座の企画と教材づくり", "A course and its teaching materials",
            "各回の授業計画と教材一式", "A plan for each session and a full set of teaching materials",
            [new("ファシリテーター", "Facilitator", "ワークショップ運営、問いの設計", "running workshops, framing questions"),
             new("カリキュラム設計", "Curriculum designer", "学習目標の設計、教材作成", "learning goals, writing materials")]),
        new("community",
            ["まちづくり", "都市", "デザイン思考", "街づくり", "city design", "urban", "design thinking", "community design", "town planning"],
            "まちづくり・デザイン", "Community and city design",
            "まちづくりを考える場づくり", "A community design programme",
            "参加型ワークショップの設計と提案のまとめ", "A participatory workshop design and a summary of the proposals",
            [new("デザイン思考ファシリテーター", "Design-thinking facilitator", "デザイン思考、ワークショップ", "design thinking, workshops"),
             new("都市計画アドバイザー", "Urban planning adviser", "都市計画、地域調査", "urban planning, local research")]),
        new("business",
            ["事業", "協業", "連携", "提携", "ビジネス", "新規事業", "スタートアップ", "販路", "business", "partnership", "collaboration", "startup", "sales channel", "go-to-market"],
            "事業開発・協業", "Business development and collaboration",
            "協業・事業連携の計画づくり", "A plan for business collaboration",
            "協業計画書（候補先リストと提案資料つき）", "A collaboration plan with a list of candidate partners and a pitch deck",
            [new("事業企画", "Business strategist", "事業計画、提携交渉", "business planning, partnership deals"),
             new("市場調査", "Market researcher", "調査設計、分析", "research design, analysis")]),
        new("donors",
            ["寄付", "寄附", "会員", "支援者", "ファンドレイジング", "crm", "donor", "donation", "fundraising", "membership", "supporter"],
            "寄付者・会員管理", "Donor and member management",
            "寄付者・会員管理の仕組みづくり", "Donor and member management",
            "寄付者・会員を管理する仕組み（CRM）とデータ移行", "A donor and member management setup (CRM) with the existing data moved in",
            [new("CRM設計", "CRM specialist", "CRMツールの設定、データ設計", "CRM configuration, data design"),
             new("データ移行", "Data migration specialist", "データ整理、Excel", "data cleaning, Excel")]),
        new("pr",
            ["広報", "sns", "チラシ", "パンフレット", "集客", "ブランド", "発信", "marketing", "social media", "flyer", "brochure", "promotion", "brand", "outreach", "newsletter"],
            "広報・マーケティング", "Communications and marketing",
            "伝わる広報の仕組みづくり", "Communications that reach the right people",
            "広報計画と、チラシ・SNS投稿のテンプレート", "A communication plan with flyer and social-media templates",
            [new("広報企画", "Marketing planner", "広報戦略、SNS運用", "communication strategy, social media"),
             new("グラフィックデザイナー", "Graphic designer", "チラシ・バナー制作", "flyers, banners")]),
        new("event",
            ["シンポジウム", "イベント", "セミナー", "フォーラム", "symposium", "event", "seminar", "conference", "forum"],
            "イベント運営", "Event support",
            "イベント当日の運営支援", "Event-day support",
            "当日の進行表と役割分担、終了後の振り返り", "A run-of-show with roles for the day, and a review afterwards",
            [new("イベント運営", "Event coordinator", "進行管理、受付運営", "running the programme, reception")]),
        new("translation",
            ["翻訳", "通訳", "多言語", "外国人", "英語版", "英訳", "やさしい日本語", "2言語", "二か国語", "2か国語", "英語と日本語", "日本語と英語", "translation", "translate", "translator", "interpret", "multilingual", "bilingual", "english version"],
            "翻訳・多言語対応", "Translation",
            "多言語での情報発信", "Information in more languages",
            "多言語版の資料一式", "A translated set of the partner's materials",
            [new("翻訳者", "Translator", "英語・日本語の翻訳", "English–Japanese translation")]),
        new("app",
            ["アプリ", "スマホ", "qrコード", "app", "mobile app", "phone app", "smartphone", "qr code"],
            "アプリ・モバイル", "Apps and mobile",
            "スマートフォンで使える仕組みづくり", "A mobile tool for the front line",
            "スマートフォンで使える入力・閲覧の仕組み", "A mobile tool for entering and viewing information",
            [new("アプリ開発", "App developer", "ローコード開発、モバイルUI", "low-code development, mobile UI")]),
    ];

    /// <summary>Context words: the need comes from disaster recovery (the Noto earthquake and the like).</summary>
    public static readonly string[] Disaster = ["震災", "地震", "災害", "被災", "復興", "避難", "仮設", "能登", "earthquake", "disaster", "recovery", "evacuat", "temporary housing", "reconstruction"];

    public static readonly RoleTemplate ProjectManager = new("プロジェクトマネージャー", "Project manager", "進行管理、支援先との調整", "planning, keeping in touch with the partner");

    public static readonly RoleTemplate Analyst = new("業務分析", "Business analyst", "現場への聞き取り、課題の整理", "interviewing the partner, structuring the problem");
}
