// The leaders' dashboard tab: one small ES module. It reads JSON from /dashboard/api/… and draws the page the path
// names. All data goes into the page as text (textContent), never as HTML. Inside Teams it initialises teams-js and
// sends the Teams single sign-on token as a Bearer token; in a plain browser it sends none (local development only).

const TEXT = {
  en: {
    title: 'ProBonoBot dashboard', skip: 'Skip to content', nav: 'Dashboard', board: 'Board', broadcasts: 'Broadcasts', drafting: 'Drafting', club: 'Club',
    language: 'Language', loading: 'Loading…', failed: 'The dashboard could not load this page. Try again later.',
    unauthorized: 'Please open the dashboard from the ProBonoBot app in Teams to sign in.',
    forbidden: 'The dashboard is for the club\'s leaders. Ask a leader to add you if you lead projects.',
    notFound: 'There is no such item.',
    status: { draft: 'Draft', recruiting: 'Recruiting', teamFormed: 'Team formed', inProgress: 'In progress', closed: 'Closed', all: 'All' },
    projectStatus: ['Draft', 'Recruiting', 'Team formed', 'In progress', 'Completed', 'Cancelled'],
    filterStatus: 'Status', filterText: 'Partner or title', filter: 'Filter', clear: 'Clear',
    needs: 'Needs', needsSubmitted: 'submitted', needsWaiting: 'Needs without a brief', briefs: 'Briefs', briefsOpen: 'Briefs in progress', briefsWaiting: 'waiting for review',
    briefStatus: ['Draft', 'Waiting for review', 'Approved', 'Returned'], projects: 'Projects', none: 'None.',
    more: (n) => `${n} more not shown`, seats: (c, s) => `${c} of ${s} seats filled`, waitlisted: (n) => `${n} waitlisted`, offered: (n) => `${n} offered`,
    need: (id) => `Need ${id}`, brief: (id) => `Brief ${id}`, project: (n) => `Project ${n}`, by: (name) => `by ${name}`,
    partner: 'Partner', leader: 'Leader', summary: 'Summary', objective: 'Objective', deliverables: 'Deliverables', hoursPerWeek: 'Hours per week',
    dates: 'Dates', mode: 'Work mode', place: 'Place', projectLanguage: 'Language', modes: { remote: 'Remote', onsite: 'On site', hybrid: 'Hybrid' },
    languages: { ja: 'Japanese', en: 'English', both: 'Japanese and English' },
    roles: 'Roles and seats', role: 'Role', skills: 'Skills', seatsCol: 'Seats', confirmed: 'Confirmed', waitlistedCol: 'Waitlisted', offeredCol: 'Offered',
    signUps: 'Sign-ups', person: 'Person', state: 'State', hours: 'Hours/week', note: 'Note', offerUntil: 'Offer until', signedUpAt: 'Signed up',
    signUpStatus: ['Confirmed', 'Waitlisted', 'Offered', 'Withdrawn', 'Declined'], withdrawn: (n) => `${n} withdrew or declined.`,
    waitlist: 'Waitlist and offers', team: 'Team', milestones: 'Milestones and meetings', kind: { milestone: 'Milestone', meeting: 'Meeting' }, when: 'When',
    cancelled: 'Cancelled', loggedHours: 'Hours', approved: 'Approved', waiting: 'Waiting', rejected: 'Rejected',
    broadcast: (id) => `Broadcast ${id}`, audience: { people: 'People', channels: 'Channels', both: 'People and channels' }, audienceCol: 'Audience',
    broadcastStatus: ['Running', 'Completed', 'Cancelled'], started: 'Started', total: 'Recipients', delivered: 'Delivered', failedCol: 'Failed', blocked: 'Blocked',
    pending: 'Pending', notReached: 'Not reached', reason: 'Reason', detail: 'Detail', channel: 'Channel',
    reasons: { failed: 'Delivery failed', blocked: 'Blocked the bot', notFound: 'Chat not found', notInstalled: 'App not installed', other: 'Other' },
    overTime: 'Delivery over time', chartLabel: (d, f, b) => `Delivery over time: ${d} delivered, ${f} failed, ${b} blocked.`, scheduled: 'Scheduled for',
    tokens: 'Tokens used today', tokensOf: (u, b) => `${u} of ${b} tokens (daily budget)`, tokensDays: 'Tokens per day (last 14 days)',
    briefsReview: 'Briefs waiting for review', feedback: 'Feedback on drafts', likes: 'Thumbs up', dislikes: 'Thumbs down', reports: 'Reports',
    feedbackKind: { like: 'Thumbs up', dislike: 'Thumbs down', report: 'Report' }, subject: 'Draft', comment: 'Comment', category: 'Category', source: 'Written by', offline: 'without AI',
    configTitle: 'Add the club dashboard to this channel', configText: 'The tab shows the club\'s projects, broadcasts and drafts to its leaders.',
    local: 'Local development: anyone on this computer can see the dashboard.',
    actions: 'Actions', confirmTeam: 'Confirm the team', publish: 'Publish', done: 'Done.', confirmAnyway: 'Confirm anyway', approve: 'Approve',
    approved: (n) => `Approved: project #${n} is saved as a draft; the author has been told.`,
    publishTitle: 'Publish to team channels', channelsLegend: 'Channels to post the announcement in',
    noChannels: 'ProBonoBot is not in any team channel yet. In Teams, open Apps, find ProBonoBot, choose Add to a team, then reload this page.',
    emptySeat: (role, taken, seats) => `${role} (${taken} of ${seats})`, listSeparator: ', ', emptySeats: (list) => `Some seats are still free: ${list}. Confirm the team anyway?`,
    clubTitle: (fy) => `The club's numbers, FY${fy}`, fiscalYear: 'Fiscal year', fy: (y) => `FY${y}`, show: 'Show', quarter: (q) => `Q${q}`, wholeYear: 'Year',
    period: 'Figure', clubNote: (zone) => `The same figures as the club report (the report command, its chart and CSV); dates in ${zone}.`,
    // The club report's metric names (Strings/en.json, impact.metrics), in the same order as its figures.
    metrics: { participants: 'Participants', approvedMinutes: 'Approved hours', needs: 'Needs identified', briefs: 'Briefs written', projects: 'Projects formulated',
      teams: 'Teams built', handsOn: 'Hands-on support', closed: 'Projects closed', partners: 'Partners served', newMembers: 'New members' },
    chartPeople: 'Participants and new members per quarter', chartHours: 'Approved hours per quarter', chartStages: 'Needs, briefs and projects by stage per quarter',
    perQuarter: 'Per quarter', chartSummary: (title, parts) => `${title}: ${parts}.`,
  },
  ja: {
    title: 'ProBonoBot ダッシュボード', skip: '本文へ移動', nav: 'ダッシュボード', board: 'ボード', broadcasts: '一斉送信', drafting: '下書き', club: 'クラブの実績',
    language: '言語', loading: '読み込んでいます…', failed: 'このページを読み込めませんでした。しばらくしてからもう一度お試しください。',
    unauthorized: 'サインインするには、Teams の ProBonoBot アプリからダッシュボードを開いてください。',
    forbidden: 'ダッシュボードはクラブのリーダー専用です。プロジェクトを率いている場合は、リーダーに追加を依頼してください。',
    notFound: '該当する項目はありません。',
    status: { draft: '下書き', recruiting: '募集中', teamFormed: 'チーム結成', inProgress: '進行中', closed: '終了', all: 'すべて' },
    projectStatus: ['下書き', '募集中', 'チーム結成', '進行中', '完了', '中止'],
    filterStatus: '状態', filterText: '支援先またはタイトル', filter: '絞り込む', clear: 'クリア',
    needs: 'ニーズ', needsSubmitted: '件の提出', needsWaiting: 'ブリーフ未作成のニーズ', briefs: 'ブリーフ', briefsOpen: '作成中のブリーフ', briefsWaiting: '件がレビュー待ち',
    briefStatus: ['下書き', 'レビュー待ち', '承認済み', '差し戻し'], projects: 'プロジェクト', none: 'ありません。',
    more: (n) => `ほか ${n} 件は表示していません`, seats: (c, s) => `${s} 席中 ${c} 席が決定`, waitlisted: (n) => `キャンセル待ち ${n} 人`, offered: (n) => `打診中 ${n} 人`,
    need: (id) => `ニーズ ${id}`, brief: (id) => `ブリーフ ${id}`, project: (n) => `プロジェクト ${n}`, by: (name) => `作成：${name}`,
    partner: '支援先', leader: 'リーダー', summary: '概要', objective: '目的', deliverables: '成果物', hoursPerWeek: '週あたりの時間',
    dates: '期間', mode: '働き方', place: '場所', projectLanguage: '言語', modes: { remote: 'リモート', onsite: '現地', hybrid: 'ハイブリッド' },
    languages: { ja: '日本語', en: '英語', both: '日本語と英語' },
    roles: '役割と席数', role: '役割', skills: 'スキル', seatsCol: '席数', confirmed: '決定', waitlistedCol: 'キャンセル待ち', offeredCol: '打診中',
    signUps: '申し込み', person: '氏名', state: '状態', hours: '週あたりの時間', note: 'メモ', offerUntil: '回答期限', signedUpAt: '申込日時',
    signUpStatus: ['決定', 'キャンセル待ち', '打診中', '取り下げ', '辞退'], withdrawn: (n) => `${n} 人が取り下げまたは辞退しました。`,
    waitlist: 'キャンセル待ちと打診', team: 'チーム', milestones: 'マイルストーンと会議', kind: { milestone: 'マイルストーン', meeting: '会議' }, when: '日時',
    cancelled: '中止', loggedHours: '活動時間', approved: '承認済み', waiting: '承認待ち', rejected: '却下',
    broadcast: (id) => `一斉送信 ${id}`, audience: { people: '個人', channels: 'チャネル', both: '個人とチャネル' }, audienceCol: '送信先',
    broadcastStatus: ['送信中', '完了', '中止'], started: '開始', total: '送信対象', delivered: '配信済み', failedCol: '失敗', blocked: 'ブロック',
    pending: '未送信', notReached: '届かなかった相手', reason: '理由', detail: '詳細', channel: 'チャネル',
    reasons: { failed: '配信に失敗', blocked: 'ボットをブロック', notFound: 'チャットが見つからない', notInstalled: 'アプリ未インストール', other: 'その他' },
    overTime: '配信の推移', chartLabel: (d, f, b) => `配信の推移：配信済み ${d}、失敗 ${f}、ブロック ${b}。`, scheduled: '送信予定',
    tokens: '本日のトークン使用量', tokensOf: (u, b) => `${u} ／ ${b} トークン（1日の上限）`, tokensDays: '日ごとのトークン（過去14日）',
    briefsReview: 'レビュー待ちのブリーフ', feedback: '下書きへのフィードバック', likes: '高評価', dislikes: '低評価', reports: '報告',
    feedbackKind: { like: '高評価', dislike: '低評価', report: '報告' }, subject: '下書き', comment: 'コメント', category: '分類', source: '作成方法', offline: 'AIなし',
    configTitle: 'このチャネルにクラブのダッシュボードを追加します', configText: 'このタブでは、リーダーがクラブのプロジェクト、一斉送信、下書きを確認できます。',
    local: 'ローカル開発モード：このコンピューターの誰でもダッシュボードを表示できます。',
    actions: '操作', confirmTeam: 'チームを確定', publish: '公開', done: '完了しました。', confirmAnyway: 'このまま確定', approve: '承認',
    approved: (n) => `承認しました。プロジェクト #${n} を下書きとして保存し、作成者に知らせました。`,
    publishTitle: 'チームのチャネルに公開', channelsLegend: '募集のお知らせを投稿するチャネル',
    noChannels: 'ProBonoBot はまだどのチームのチャネルにも追加されていません。Teams の「アプリ」で ProBonoBot を探して「チームに追加」を選び、このページを再読み込みしてください。',
    emptySeat: (role, taken, seats) => `${role}（${seats} 席中 ${taken} 席）`, listSeparator: '、', emptySeats: (list) => `まだ空席があります：${list}。このままチームを確定しますか？`,
    clubTitle: (fy) => `クラブの実績（${fy}年度）`, fiscalYear: '年度', fy: (y) => `${y}年度`, show: '表示', quarter: (q) => `第${q}四半期`, wholeYear: '通年',
    period: '項目', clubNote: (zone) => `クラブレポート（「レポート」コマンド、そのグラフと CSV）と同じ数値です。日付は ${zone} の暦で数えています。`,
    metrics: { participants: '参加者数', approvedMinutes: '承認済みの活動時間', needs: '把握した相談', briefs: '作成した概要書', projects: '立ち上げたプロジェクト',
      teams: 'チーム編成', handsOn: '伴走支援したプロジェクト', closed: '終了したプロジェクト', partners: '支援した団体', newMembers: '新しいメンバー' },
    chartPeople: '四半期ごとの参加者数と新しいメンバー', chartHours: '四半期ごとの承認済みの活動時間', chartStages: '四半期ごとの相談・概要書・プロジェクトの段階',
    perQuarter: '四半期ごと', chartSummary: (title, parts) => `${title}：${parts}。`,
  },
};

const params = new URLSearchParams(location.search);
const inTeams = params.get('inTeams') === '1' || (window.parent !== window && params.get('inTeams') !== '0');
let lang = pickLanguage(params.get('lang'));
let t = TEXT[lang];
let token = null;
const main = document.getElementById('main');

function pickLanguage(value) {
  const v = (value || '').toLowerCase();
  if (v.startsWith('ja')) return 'ja';
  if (v.startsWith('en')) return 'en';
  return null;
}

/** Creates an element; strings become text nodes, never HTML. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A link within the dashboard that keeps the language and the Teams flag. */
function href(path, extra = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  q.set('lang', lang);
  if (inTeams) q.set('inTeams', '1');
  return `/dashboard${path}?${q}`;
}

const number = (n) => new Intl.NumberFormat(lang).format(n ?? 0);
const dateTime = (s) => s ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s)) : '';
const shortTime = (s) => new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(s));

function table(columns, rows, options = {}) {
  if (!rows.length) return el('p', { class: 'empty', text: t.none });
  return el('div', { class: 'table-wrap' }, el('table', { class: 'stack' },
    options.caption ? el('caption', { class: 'muted', text: options.caption }) : null,
    el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.num ? 'num' : null, text: c.label })))),
    el('tbody', {}, rows.map(r => el('tr', {}, columns.map(c => el('td', { class: c.num ? 'num' : null, 'data-label': c.label }, c.value(r))))))));
}

class HttpError extends Error { constructor(status, body) { super(`HTTP ${status}`); this.status = status; this.body = body; } }

async function api(path, init = {}) {
  const headers = { Accept: 'application/json', ...(init.headers || {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/dashboard/api${path}`, { ...init, headers });
  if (!response.ok) throw new HttpError(response.status, await response.json().catch(() => null));
  return response.json();
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(s);
  });
}

async function startTeams() {
  await loadScript('/dashboard/assets/teams.min.js');
  const teams = window.microsoftTeams;
  await Promise.race([teams.app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer')), 8000))]);
  try {
    const context = await teams.app.getContext();
    lang = pickLanguage(params.get('lang')) ?? pickLanguage(context?.app?.locale) ?? 'en';
    t = TEXT[lang];
  } catch { /* keep the language */ }
  if (location.pathname.replace(/\/$/, '') === '/dashboard/config') return teams;
  token = await teams.authentication.getAuthToken();
  return teams;
}

function header(page) {
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('skip').textContent = t.skip;
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t.nav);
  nav.replaceChildren(...[['', t.board], ['/broadcasts', t.broadcasts], ['/drafting', t.drafting], ['/club', t.club]].map(([path, label]) =>
    el('a', { href: href(path), 'aria-current': (page === path || (path === '' && page === '/project')) ? 'page' : null, text: label })));
  const other = lang === 'ja' ? 'en' : 'ja';
  const switcher = new URLSearchParams(location.search);
  switcher.set('lang', other);
  document.getElementById('lang').replaceChildren(el('a', { href: `${location.pathname}?${switcher}`, lang: other, hreflang: other, text: other === 'ja' ? '日本語' : 'English' }));
}

function show(...nodes) {
  main.replaceChildren(...nodes.flat().filter(Boolean));
}

function statusBadge(status) {
  const cls = status === 5 ? 'badge bad' : status === 0 ? 'badge warn' : 'badge';
  return el('span', { class: cls, text: t.projectStatus[status] ?? String(status) });
}

// ---- Board -------------------------------------------------------------------------------------------------------
async function board() {
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const data = await api(`/board?${new URLSearchParams({ status, q })}`);
  const keys = ['draft', 'recruiting', 'teamFormed', 'inProgress', 'closed'];
  const stats = el('ul', { class: 'stats', 'aria-label': t.projects },
    el('li', { class: 'stat' }, el('b', { text: number(data.needs.submitted) }), `${t.needs} `, el('span', { class: 'muted', text: t.needsSubmitted })),
    el('li', { class: 'stat' }, el('b', { text: number(data.briefs.sent) }), `${t.briefs} `, el('span', { class: 'muted', text: t.briefsWaiting })),
    keys.map(k => el('li', { class: 'stat' }, el('b', { text: number(data.counts[k]) }), t.status[k])));
  const select = el('select', { name: 'status', id: 'f-status' }, el('option', { value: '', text: t.status.all }),
    keys.map(k => el('option', { value: k, selected: k === status, text: t.status[k] })));
  const form = el('form', { class: 'filters', method: 'get', action: location.pathname, role: 'search' },
    el('label', { for: 'f-status' }, t.filterStatus, select),
    el('label', { for: 'f-q' }, t.filterText, el('input', { id: 'f-q', name: 'q', type: 'search', value: q, maxlength: '100' })),
    el('input', { type: 'hidden', name: 'lang', value: lang }),
    inTeams ? el('input', { type: 'hidden', name: 'inTeams', value: '1' }) : null,
    el('button', { type: 'submit', text: t.filter }),
    (status || q) ? el('a', { href: href(''), text: t.clear }) : null);
  const pipeline = el('div', { class: 'pipeline' },
    el('section', { class: 'column', 'aria-labelledby': 'h-needs' }, el('h2', { id: 'h-needs' }, el('span', { text: t.needsWaiting }), el('span', { text: number(data.needs.waiting.length) })),
      data.needs.waiting.length ? el('ul', { class: 'cards' }, data.needs.waiting.map(n => el('li', { class: 'card' },
        el('h3', { text: t.need(n.id) }), el('p', { text: n.text }), el('p', { class: 'muted', text: [n.authorName, dateTime(n.createdAt)].filter(Boolean).join(' · ') })))) : el('p', { class: 'empty', text: t.none })),
    el('section', { class: 'column', 'aria-labelledby': 'h-briefs' }, el('h2', { id: 'h-briefs' }, el('span', { text: t.briefsOpen }), el('span', { text: number(data.briefs.open.length) })),
      data.briefs.open.length ? el('ul', { class: 'cards' }, data.briefs.open.map(b => el('li', { class: 'card' },
        el('h3', { text: b.title || t.brief(b.id) }), el('p', {}, el('span', { class: b.status === 1 ? 'badge warn' : 'badge', text: t.briefStatus[b.status] })),
        el('p', { class: 'muted', text: [t.brief(b.id), b.authorName].filter(Boolean).join(' · ') })))) : el('p', { class: 'empty', text: t.none })));
  const columns = el('div', { class: 'board' }, data.columns.map(col => el('section', { class: 'column', 'aria-labelledby': `h-${col.key}` },
    el('h2', { id: `h-${col.key}` }, el('span', { text: t.status[col.key] }), el('span', { text: number(col.count) })),
    col.projects.length ? el('ul', { class: 'cards' }, col.projects.map(p => el('li', { class: 'card' },
      el('h3', {}, el('a', { href: href('/project', { n: p.number }), text: `${p.number}. ${p.title}` })),
      el('p', { class: 'muted', text: p.partner }),
      el('p', {}, t.seats(number(p.confirmed), number(p.seats)), p.status === 5 ? ' ' : null, p.status === 5 ? statusBadge(5) : null),
      p.waitlisted || p.offered ? el('p', { class: 'muted', text: [p.waitlisted ? t.waitlisted(p.waitlisted) : null, p.offered ? t.offered(p.offered) : null].filter(Boolean).join(' · ') }) : null,
    ))) : el('p', { class: 'empty', text: t.none }),
    col.count > col.projects.length ? el('p', { class: 'muted', text: t.more(number(col.count - col.projects.length)) }) : null)));
  show(el('h1', { text: t.board }), stats, form, el('h2', { text: `${t.needs} → ${t.briefs}` }), pipeline, el('h2', { text: t.projects }), columns);
}

// ---- Project -----------------------------------------------------------------------------------------------------
async function project() {
  const n = Number.parseInt(params.get('n') ?? '', 10);
  if (!Number.isSafeInteger(n) || n <= 0) throw new HttpError(404);
  const data = await api(`/projects/${n}`);
  const p = data.project;
  const roleName = (num) => data.roles.find(r => r.number === num)?.name ?? String(num);
  const facts = el('dl', { class: 'facts' }, [
    [t.partner, p.partner], [t.leader, p.leaderName], [t.summary, p.summary], [t.objective, p.objective], [t.deliverables, p.deliverables],
    [t.hoursPerWeek, p.hoursPerWeek], [t.dates, [p.startDate, p.endDate].filter(Boolean).join(' – ')], [t.mode, t.modes[p.workMode] ?? p.workMode],
    [t.place, p.place], [t.projectLanguage, t.languages[p.language] ?? p.language],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const live = data.signUps;
  const signUpColumns = [
    { label: t.person, value: s => s.name ?? '' }, { label: t.role, value: s => roleName(s.role) },
    { label: t.state, value: s => el('span', { class: s.status === 0 ? 'badge' : 'badge warn', text: t.signUpStatus[s.status] }) },
    { label: t.hours, num: true, value: s => s.hoursPerWeek ?? '' }, { label: t.note, value: s => s.note ?? '' },
    { label: t.signedUpAt, value: s => dateTime(s.createdAt) },
  ];
  const actions = p.status === 1 && live.some(s => s.status === 0)
    ? el('div', { class: 'actions' }, el('button', { type: 'button', id: 'confirm-team', onclick: () => act(`/projects/${n}/confirm-team`), text: t.confirmTeam }))
    : null;
  const publish = p.status === 0 ? await publishSection(n) : null;
  show(
    el('p', {}, el('a', { href: href(''), text: `← ${t.board}` })),
    el('h1', {}, `${p.number}. ${p.title} `, statusBadge(p.status)),
    actions, el('p', { id: 'action-status', role: 'status', class: 'muted' }),
    publish,
    facts,
    el('h2', { text: t.roles }),
    table([{ label: t.role, value: r => r.name }, { label: t.skills, value: r => r.skills ?? '' }, { label: t.seatsCol, num: true, value: r => number(r.seats) },
      { label: t.confirmed, num: true, value: r => number(r.confirmed) }, { label: t.waitlistedCol, num: true, value: r => number(r.waitlisted) },
      { label: t.offeredCol, num: true, value: r => number(r.offered) }], data.roles),
    el('h2', { text: t.team }),
    table(signUpColumns.filter((_, i) => i !== 2), live.filter(s => s.status === 0)),
    el('h2', { text: t.waitlist }),
    table([...signUpColumns, { label: t.offerUntil, value: s => dateTime(s.offeredUntil) }], live.filter(s => s.status !== 0)),
    data.withdrawn ? el('p', { class: 'muted', text: t.withdrawn(data.withdrawn) }) : null,
    data.milestones.length ? [el('h2', { text: t.milestones }), table([
      { label: t.when, value: m => dateTime(m.startsAt) }, { label: t.kind.milestone, value: m => t.kind[m.kind] ?? m.kind },
      { label: t.summary, value: m => m.title }, { label: t.place, value: m => m.place ?? '' },
      { label: t.state, value: m => m.cancelled ? el('span', { class: 'badge bad', text: t.cancelled }) : '' }], data.milestones)] : null,
    data.hours ? [el('h2', { text: t.loggedHours }), table([
      { label: t.person, value: h => h.name ?? '' }, { label: t.approved, num: true, value: h => (h.approved / 60).toFixed(1) },
      { label: t.waiting, num: true, value: h => (h.waiting / 60).toFixed(1) }, { label: t.rejected, num: true, value: h => (h.rejected / 60).toFixed(1) }], data.hours)] : null,
    el('h2', { text: t.broadcasts }),
    broadcastTable(data.broadcasts, false));
}

/** A draft's Publish: the channels the chat's "publish N" offers (General ticked), posted through the chat's own code. */
async function publishSection(n) {
  let channels;
  try {
    channels = (await api(`/projects/${n}/channels?lang=${lang}`)).channels;
  } catch (error) {
    if (error.status === 401 || error.status === 403) throw error;
    return el('section', { 'aria-labelledby': 'h-publish' }, el('h2', { id: 'h-publish', text: t.publishTitle }),
      el('p', { class: 'notice', text: error.body?.message ?? t.failed }));
  }
  const heading = el('h2', { id: 'h-publish', text: t.publishTitle });
  if (!channels.length) return el('section', { 'aria-labelledby': 'h-publish' }, heading, el('p', { class: 'notice', text: t.noChannels }));
  const form = el('form', { class: 'publish', id: 'publish-form', onsubmit: (e) => {
    e.preventDefault();
    const chosen = [...e.currentTarget.querySelectorAll('input[name="channel"]:checked')].map(c => c.value);
    act(`/projects/${n}/publish`, { channels: chosen });
  } },
    el('fieldset', {}, el('legend', { text: t.channelsLegend }),
      channels.map((c, i) => el('label', { for: `channel-${i}` },
        el('input', { type: 'checkbox', name: 'channel', id: `channel-${i}`, value: c.id, checked: c.preselected }), el('span', { text: c.label })))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'publish', text: t.publish })));
  return el('section', { 'aria-labelledby': 'h-publish' }, heading, form);
}

async function act(path, body = {}) {
  const statusLine = document.getElementById('action-status');
  const buttons = () => main.querySelectorAll('.actions button');
  for (const b of buttons()) b.disabled = true;
  try {
    const result = await api(`${path}?lang=${lang}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await project();
    document.getElementById('action-status').textContent = result.message || t.done;
  } catch (error) {
    for (const b of buttons()) b.disabled = false;
    const code = error.body?.error?.code;
    if (code === 'EmptySeats') {
      // The chat's rule: confirming a team with empty seats asks first.
      const seats = error.body.emptySeats.map(e => t.emptySeat(e.role, e.taken, e.seats)).join(t.listSeparator);
      statusLine.replaceChildren(t.emptySeats(seats), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => act(path, { confirmEmptySeats: true }), text: t.confirmAnyway }));
      return;
    }
    statusLine.textContent = error.status === 403 ? t.forbidden : (error.body?.message ?? t.failed);
  }
}

function broadcastTable(rows, withProject) {
  return table([
    { label: t.broadcast('').trim(), value: b => el('a', { href: href('/broadcasts', { id: b.id }), text: t.broadcast(b.id) }) },
    withProject ? { label: t.projects, value: b => `${b.projectNumber}. ${b.projectTitle ?? ''}` } : null,
    { label: t.audienceCol, value: b => t.audience[b.audience] ?? b.audience },
    { label: t.state, value: b => t.broadcastStatus[b.status] ?? b.status },
    { label: t.started, value: b => dateTime(b.createdAt) },
    { label: t.total, num: true, value: b => number(b.total) },
    { label: t.delivered, num: true, value: b => number(b.delivered) },
    { label: t.failedCol, num: true, value: b => number(b.failed + b.notFound + b.notInstalled) },
    { label: t.blocked, num: true, value: b => number(b.blocked) },
  ].filter(Boolean), rows);
}

// ---- Broadcasts --------------------------------------------------------------------------------------------------
async function broadcasts() {
  const id = params.get('id');
  if (!id) {
    const rows = await api('/broadcasts');
    show(el('h1', { text: t.broadcasts }), broadcastTable(rows, true));
    return;
  }
  if (!/^\d{1,18}$/.test(id)) throw new HttpError(404);
  const data = await api(`/broadcasts/${id}`);
  const b = data.broadcast;
  const last = data.timeline.at(-1) ?? { delivered: 0, failed: 0, blocked: 0 };
  const canvas = el('canvas', { role: 'img', 'aria-label': t.chartLabel(last.delivered, last.failed, last.blocked) });
  show(
    el('p', {}, el('a', { href: href('/broadcasts'), text: `← ${t.broadcasts}` })),
    el('h1', { text: `${t.broadcast(b.id)} · ${b.projectNumber}. ${b.projectTitle ?? ''}` }),
    el('ul', { class: 'stats' },
      [[t.total, b.total], [t.delivered, b.delivered], [t.pending, b.pending], [t.failedCol, b.failed + b.notFound + b.notInstalled], [t.blocked, b.blocked]]
        .map(([k, v]) => el('li', { class: 'stat' }, el('b', { text: number(v) }), k))),
    el('h2', { text: t.overTime }),
    data.timeline.length ? el('div', { class: 'chart' }, canvas) : el('p', { class: 'empty', text: t.none }),
    el('h2', { text: `${t.notReached} (${number(data.notReachedTotal)})` }),
    table([
      { label: t.person, value: r => r.name ?? (r.team ? `${r.team} › ${r.channel ?? ''}` : '') },
      { label: t.reason, value: r => t.reasons[r.reason] ?? r.reason },
      { label: t.detail, value: r => r.detail ?? '' }], data.notReached));
  if (data.timeline.length) {
    await loadScript('/dashboard/assets/chart.umd.min.js');
    const labels = data.timeline.map(p => shortTime(p.at));
    new window.Chart(canvas, {
      type: 'line',
      data: { labels, datasets: [
        { label: t.delivered, data: data.timeline.map(p => p.delivered), borderColor: '#0f6b5f', backgroundColor: '#0f6b5f', tension: 0.2 },
        { label: t.failedCol, data: data.timeline.map(p => p.failed), borderColor: '#a4262c', backgroundColor: '#a4262c', borderDash: [6, 3], tension: 0.2 },
        { label: t.blocked, data: data.timeline.map(p => p.blocked), borderColor: '#8a3b00', backgroundColor: '#8a3b00', borderDash: [2, 2], tension: 0.2 },
      ] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
}

// ---- Drafting ----------------------------------------------------------------------------------------------------
async function drafting() {
  const data = await api('/drafting');
  const used = data.tokens.today;
  const budget = data.tokens.budget;
  const share = budget > 0 ? Math.min(100, Math.round(used * 100 / budget)) : 0;
  const canvas = el('canvas', { role: 'img', 'aria-label': `${t.tokensDays}: ${data.tokens.days.map(d => `${d.day} ${d.tokens}`).join(', ')}` });
  const approveButton = (b) => el('button', { type: 'button', class: 'secondary', 'data-brief': b.id, onclick: (e) => approve(b, e.currentTarget), text: t.approve });
  show(
    el('h1', { text: t.drafting }),
    el('p', { id: 'action-status', role: 'status', class: 'muted' }),
    el('h2', { text: t.tokens }),
    el('p', { text: t.tokensOf(number(used), number(budget)) }),
    el('div', { class: 'meter', role: 'meter', 'aria-label': t.tokens, 'aria-valuemin': 0, 'aria-valuemax': budget, 'aria-valuenow': used },
      el('span', { style: null, 'data-share': share })),
    el('h2', { text: t.tokensDays }),
    el('div', { class: 'chart' }, canvas),
    el('h2', { text: t.briefsReview }),
    table([
      { label: t.brief('').trim(), value: b => t.brief(b.id) }, { label: t.summary, value: b => b.title ?? '' },
      { label: t.person, value: b => b.authorName ?? '' }, { label: t.source, value: b => b.source === 'offline' ? t.offline : b.source },
      { label: t.started, value: b => dateTime(b.updatedAt) }, { label: t.actions, value: approveButton }], data.waiting),
    el('h2', { text: t.feedback }),
    el('ul', { class: 'stats' }, [[t.likes, data.feedbackCounts.like], [t.dislikes, data.feedbackCounts.dislike], [t.reports, data.feedbackCounts.report]]
      .map(([k, v]) => el('li', { class: 'stat' }, el('b', { text: number(v) }), k))),
    table([
      { label: t.state, value: f => el('span', { class: f.kind === 'report' ? 'badge bad' : f.kind === 'dislike' ? 'badge warn' : 'badge', text: t.feedbackKind[f.kind] ?? f.kind }) },
      { label: t.subject, value: f => `${f.subjectKind} ${f.subjectId}` }, { label: t.category, value: f => f.category ?? '' },
      { label: t.comment, value: f => f.comment ?? '' }, { label: t.person, value: f => f.personName ?? '' },
      { label: t.started, value: f => dateTime(f.createdAt) }], data.feedback));
  // The meter's width is set through the CSSOM (allowed by the page's style-src 'self'), never an inline style attribute.
  main.querySelector('.meter > span').style.width = `${share}%`;
  await loadScript('/dashboard/assets/chart.umd.min.js');
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: data.tokens.days.map(d => d.day.slice(5)), datasets: [{ label: t.tokens, data: data.tokens.days.map(d => d.tokens), backgroundColor: '#0f6b5f' }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
  });
}

async function approve(brief, button) {
  button.disabled = true;
  const statusLine = document.getElementById('action-status');
  try {
    const result = await api(`/briefs/${brief.id}/approve?lang=${lang}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ version: brief.version }) });
    await drafting();
    document.getElementById('action-status').replaceChildren(t.approved(result.projectNumber), ' ',
      el('a', { href: href('/project', { n: result.projectNumber }), text: t.project(result.projectNumber) }));
  } catch (error) {
    button.disabled = false;
    statusLine.textContent = error.status === 403 ? t.forbidden : (error.body?.message ?? t.failed);
  }
}

// ---- Club ----------------------------------------------------------------------------------------------------------
// The club report's figures (the same service as the report command's card, chart and CSV) per quarter, as charts and a table.
const METRICS = ['participants', 'approvedMinutes', 'needs', 'briefs', 'projects', 'teams', 'handsOn', 'closed', 'partners', 'newMembers'];
const hoursOf = (minutes) => Math.round((minutes ?? 0) / 6) / 10;

async function club() {
  const fyParam = params.get('fy');
  if (fyParam !== null && !/^\d{4}$/.test(fyParam)) throw new HttpError(404);
  const data = await api(`/club${fyParam ? `?fy=${fyParam}` : ''}`);
  const value = (figures, key) => key === 'approvedMinutes' ? hoursOf(figures[key]) : figures[key];
  const shown = (figures, key) => new Intl.NumberFormat(lang, key === 'approvedMinutes' ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {}).format(value(figures, key));
  const select = el('select', { name: 'fy', id: 'f-fy' }, data.years.map(y => el('option', { value: y, selected: y === data.fiscalYear, text: t.fy(y) })));
  const form = el('form', { class: 'filters', method: 'get', action: location.pathname },
    el('label', { for: 'f-fy' }, t.fiscalYear, select),
    el('input', { type: 'hidden', name: 'lang', value: lang }),
    inTeams ? el('input', { type: 'hidden', name: 'inTeams', value: '1' }) : null,
    el('button', { type: 'submit', text: t.show }));
  const labels = data.quarters.map(q => t.quarter(q.quarter));
  const charts = [
    { id: 'chart-people', title: t.chartPeople, type: 'bar', keys: ['participants', 'newMembers'] },
    { id: 'chart-hours', title: t.chartHours, type: 'bar', keys: ['approvedMinutes'] },
    { id: 'chart-stages', title: t.chartStages, type: 'bar', keys: ['needs', 'briefs', 'projects', 'teams', 'handsOn', 'closed'] },
  ].map(c => ({
    ...c,
    canvas: el('canvas', { id: c.id, role: 'img', 'aria-label': t.chartSummary(c.title, c.keys.map(k =>
      `${t.metrics[k]} ${data.quarters.map((q, i) => `${labels[i]} ${shown(q.figures, k)}`).join(t.listSeparator)}`).join('; ')) }),
  }));
  const periodText = (p) => `${p.first} – ${p.last}`;
  show(
    el('h1', { text: t.clubTitle(data.fiscalYear) }),
    form,
    el('p', { class: 'muted', text: `${periodText(data.year)} · ${t.clubNote(data.timeZone)}` }),
    el('ul', { class: 'stats', 'aria-label': t.fy(data.fiscalYear) }, METRICS.map(k => el('li', { class: 'stat' }, el('b', { text: shown(data.year.figures, k) }), t.metrics[k]))),
    charts.flatMap(c => [el('h2', { text: c.title }), el('div', { class: 'chart' }, c.canvas)]),
    el('h2', { text: t.perQuarter }),
    // One row per figure, one column per quarter and the year: narrow enough for a desktop tab without scrolling.
    table([
      { label: t.period, value: k => t.metrics[k] },
      ...[...data.quarters, data.year].map(p => ({ label: p.quarter ? t.quarter(p.quarter) : t.wholeYear, num: true, value: k => shown(p.figures, k) })),
    ], METRICS),
    el('p', { class: 'muted', text: data.quarters.map(p => `${t.quarter(p.quarter)}: ${periodText(p)}`).join(' · ') }));
  await loadScript('/dashboard/assets/chart.umd.min.js');
  const colours = ['#0f6b5f', '#8a3b00', '#3b5ba5', '#a4262c', '#5c2e91', '#5c5c5c'];
  for (const c of charts) {
    new window.Chart(c.canvas, {
      type: c.type,
      data: { labels, datasets: c.keys.map((k, i) => ({ label: t.metrics[k], data: data.quarters.map(q => value(q.figures, k)), backgroundColor: colours[i % colours.length] })) },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: c.keys.length > 1 } },
        scales: { y: { beginAtZero: true, ticks: { precision: c.keys[0] === 'approvedMinutes' ? undefined : 0 } } } },
    });
  }
}

// ---- Channel tab configuration -----------------------------------------------------------------------------------
async function config(teams) {
  show(el('h1', { text: t.configTitle }), el('p', { text: t.configText }));
  if (!teams) return;
  const base = `${location.origin}/dashboard`;
  teams.pages.config.registerOnSaveHandler((save) => {
    teams.pages.config.setConfig({
      entityId: 'probonobot-dashboard', suggestedDisplayName: 'ProBonoBot',
      contentUrl: `${base}?inTeams=1&lang={locale}`, websiteUrl: base,
    }).then(() => save.notifySuccess(), (e) => save.notifyFailure(String(e)));
  });
  teams.pages.config.setValidityState(true);
}

async function main_() {
  const page = location.pathname.replace(/\/$/, '').replace(/^\/dashboard/, '');
  let teams = null;
  try {
    if (inTeams) teams = await startTeams();
  } catch (error) {
    console.warn('teams-js', error);
  }
  lang ??= pickLanguage(navigator.language) ?? 'en';
  t = TEXT[lang];
  header(page);
  try {
    if (page === '/config') {
      await config(teams);
    } else {
      const me = await api('/me');
      switch (page) {
        case '/project': await project(); break;
        case '/broadcasts': await broadcasts(); break;
        case '/drafting': await drafting(); break;
        case '/club': await club(); break;
        default: await board();
      }
      if (me.local) main.prepend(el('p', { class: 'notice', text: t.local }));
    }
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 0;
    const message = status === 401 ? t.unauthorized : status === 403 ? t.forbidden : status === 404 ? t.notFound : t.failed;
    show(el('h1', { text: t.title }), el('p', { class: 'notice', role: 'alert', text: message }));
    if (status === 0) console.error(error);
  }
  document.body.dataset.ready = page || '/';
}

main_();
