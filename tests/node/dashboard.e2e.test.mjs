// The leaders' dashboard tab (issue 15) in headless Chromium against the real bot. Local development mode (loopback,
// Development, no app id): the data comes from the chat through the real Agents Playground (a project created and
// published with the form, a volunteer signed up from the channel card). The board and a project page in English and
// Japanese at desktop (1280 px) and phone (375 px) widths, with screenshots (written to docs/screenshots with
// UPDATE_DOCS=1, else to a temporary folder) and an axe-core check of every page; the page's own Content-Security-
// Policy stays on. "Confirm the team" from the tab shows up in the chat. Then a bot configured like a deployment: the
// page runs its Teams path (teams-js answered by a stand-in that hands out tokens from a local issuer): a leader sees
// the board, a non-leader and a token for another audience are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateKeyPairSync, sign, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, startPlayground, cardOf, cardTitle, root } from './harness.mjs';
import { launchChromium } from './chromium.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
const shotDir = process.env.UPDATE_DOCS === '1' ? join(root, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'dashboard-shots-'));
mkdirSync(shotDir, { recursive: true });
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let bot;
let pg;
let browser;
let base;

const textOf = (body) => body?.text ?? cardTitle(body) ?? '';

before(async () => {
  bot = await startBot({ Club__Leaders__0: LEADER_AAD });
  base = `http://127.0.0.1:${bot.port}`;
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
  browser = await launchChromium();
  const chat = await browser.newPage();
  await chat.goto(pg.base, { waitUntil: 'networkidle' });
  await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  await chat.close();

  // The chat: install in the team, create and publish a project (two roles, one seat each), one volunteer signs up.
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  await pg.say('personal-chat-id', 'new project');
  const form = await pg.next('personal-chat-id', m => cardTitle(m) === 'New project');
  await pg.submit('personal-chat-id', form.messageId, {
    verb: 'projectSave', title: 'Morning market website', partner: 'Wajima morning market association',
    summary: 'Stallholders lost their shops in the earthquake; visitors cannot find who sells where now.',
    roles: 'Web designer | Figma, HTML | 1\nCopywriter | Japanese and English | 1', hours: '4', mode: 'remote', language: 'en',
  });
  const preview = await pg.next('personal-chat-id', m => JSON.stringify(cardOf(m) ?? {}).includes('not published yet'));
  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectPublish', project: 1, channels: 'team-id' });
  const announcement = await pg.next('team-id', m => cardTitle(m) === 'Morning market website');
  await pg.post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'signUp', data: { project: 1 } } },
    from: { id: 'user-id-1' }, conversation: { id: `team-id;messageid=${announcement.messageId}` }, replyToId: announcement.messageId,
  });
  const question = await pg.botSent(b => textOf(b).startsWith('Which role'));
  const chat1 = question.conversation.id;
  for (const [expect, say] of [['How many hours', '1'], ['A few words', '6'], ['Please confirm', 'I build sites for local shops'], ["You're confirmed", 'yes']]) {
    await pg.sayAs('user-id-1', { id: chat1, conversationType: 'personal' }, say);
    await pg.botSent(b => b.conversation?.id === chat1 && textOf(b).startsWith(expect));
  }
  // A broadcast of the project to everyone and the channel (the broadcasts page's figures and chart).
  await pg.say('personal-chat-id', 'broadcast 1');
  const audience = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Broadcast #1'));
  await pg.submit('personal-chat-id', audience.messageId, { verb: 'broadcastStart', project: 1, audience: 'both', resend: 'false' });
  const report = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Broadcast of #1'));
  await pg.nextUpdate('personal-chat-id', m => m.messageId === report.messageId && JSON.stringify(cardOf(m) ?? {}).includes('Finished.'), 20000);
  // A second project stays a draft (the board's first column).
  await pg.say('personal-chat-id', 'new project');
  const form2 = await pg.next('personal-chat-id', m => cardTitle(m) === 'New project');
  await pg.submit('personal-chat-id', form2.messageId, {
    verb: 'projectSave', title: '仮設住宅の見守りアプリ', partner: '輪島市社会福祉協議会',
    summary: '仮設住宅の高齢者の見守り記録が紙のままで、共有できていません。', roles: 'エンジニア | Web | 2', hours: '3', mode: 'hybrid', language: 'ja',
  });
  await pg.next('personal-chat-id', m => JSON.stringify(cardOf(m) ?? {}).includes('not published yet'));
});

after(async () => { await browser?.close(); pg?.stop(); bot?.stop(); });

/** Opens a dashboard page and waits until the script has drawn it; collects console errors (e.g. CSP violations). */
async function open(path, { width = 1280, height = 900, page: existing } = {}) {
  const page = existing ?? await browser.newPage({ viewport: { width, height } });
  page.errors ??= [];
  page.on('console', m => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', e => page.errors.push(String(e)));
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]', { timeout: 15000 });
  return page;
}

/** axe-core in the page (evaluated over DevTools, so the page's CSP needs no exception): no serious or critical violations. */
async function checkAccessibility(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join('; ')})`), [], `axe on ${label}`);
}

async function checkLayout(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${label}: the page is ${overflow} px wider than the screen`);
  assert.deepEqual(page.errors.filter(e => !e.includes('favicon')), [], `${label}: console errors`);
}

for (const lang of ['en', 'ja']) {
  for (const width of [1280, 375]) {
    test(`the board in ${lang} at ${width} px: stages, counts, filters; accessible; screenshot`, async () => {
      const page = await open(`/dashboard?lang=${lang}`, { width, height: width > 600 ? 900 : 800 });
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.textContent('h1'), lang === 'en' ? 'Board' : 'ボード');
      const recruiting = page.locator('section[aria-labelledby="h-recruiting"]');
      assert.match(await recruiting.textContent(), /Morning market website/);
      assert.match(await recruiting.textContent(), lang === 'en' ? /1 of 2 seats filled/ : /2 席中 1 席が決定/);
      assert.match(await page.locator('section[aria-labelledby="h-draft"]').textContent(), /仮設住宅の見守りアプリ/);
      await checkLayout(page, `board ${lang} ${width}`);
      await checkAccessibility(page, `board ${lang} ${width}`);
      await page.screenshot({ path: join(shotDir, `dashboard-board-${lang}-${width}.png`) });
      await page.close();
    });

    test(`the project page in ${lang} at ${width} px: roles and seats, team, sign-ups; accessible; screenshot`, async () => {
      const page = await open(`/dashboard/project?n=1&lang=${lang}`, { width, height: width > 600 ? 900 : 800 });
      const text = await page.textContent('main');
      assert.match(text, /Morning market website/);
      assert.match(text, /Wajima morning market association/);
      assert.match(text, /Web designer/);
      assert.match(text, /Copywriter/);
      await checkLayout(page, `project ${lang} ${width}`);
      await checkAccessibility(page, `project ${lang} ${width}`);
      await page.screenshot({ path: join(shotDir, `dashboard-project-${lang}-${width}.png`) });
      await page.close();
    });
  }
}

for (const lang of ['en', 'ja']) {
  for (const width of [1280, 375]) {
    test(`the club's numbers in ${lang} at ${width} px: the report's figures as three charts and a table; accessible; screenshot`, async () => {
      const page = await open(`/dashboard/club?lang=${lang}`, { width, height: width > 600 ? 900 : 800 });
      assert.match(await page.textContent('h1'), lang === 'en' ? /The club's numbers, FY\d{4}/ : /クラブの実績（\d{4}年度）/);
      assert.equal(await page.getAttribute('nav a[aria-current="page"]', 'href').then(h => h.startsWith('/dashboard/club')), true);
      await page.waitForFunction(() => window.Chart && Object.keys(window.Chart.instances).length === 3);
      // Both projects of the chat were formulated this year: the report's "Projects formulated" is 2 for the year.
      const api = await page.evaluate(async () => (await fetch('/dashboard/api/club')).json());
      assert.equal(api.year.figures.projects, 2);
      const projectsLabel = lang === 'en' ? 'Projects formulated' : '立ち上げたプロジェクト';
      const stat = page.locator('ul.stats li', { hasText: projectsLabel });
      assert.equal((await stat.locator('b').textContent()).trim(), '2');
      assert.match(await page.getAttribute('#chart-stages', 'aria-label'), new RegExp(projectsLabel));
      await checkLayout(page, `club ${lang} ${width}`);
      await checkAccessibility(page, `club ${lang} ${width}`);
      await page.screenshot({ path: join(shotDir, `dashboard-club-${lang}-${width}.png`), fullPage: true });
      await page.close();
    });
  }
}

test('the club page: the fiscal-year selector loads another year', async () => {
  const page = await open('/dashboard/club?lang=en');
  const years = await page.$$eval('#f-fy option', os => os.map(o => o.value));
  assert.equal(years.length, 5);
  await page.selectOption('#f-fy', years[1]);
  await Promise.all([page.waitForURL(new RegExp(`fy=${years[1]}`)), page.click('main button[type=submit]')]);
  await page.waitForSelector('body[data-ready]');
  assert.match(await page.textContent('h1'), new RegExp(`FY${years[1]}`));
  assert.equal((await page.locator('ul.stats li', { hasText: 'Projects formulated' }).locator('b').textContent()).trim(), '0');
  await page.close();
});

test('the filters narrow the board by partner text and by stage', async () => {
  const page = await open('/dashboard?lang=en');
  await page.fill('#f-q', 'wajima');
  await Promise.all([page.waitForURL(/q=wajima/), page.click('button[type=submit]')]);
  await page.waitForSelector('body[data-ready]');
  assert.match(await page.locator('section[aria-labelledby="h-recruiting"]').textContent(), /Morning market website/);
  assert.doesNotMatch(await page.locator('section[aria-labelledby="h-draft"]').textContent(), /仮設住宅/);
  await page.selectOption('#f-status', 'draft');
  await page.fill('#f-q', '');
  await Promise.all([page.waitForURL(/status=draft/), page.click('button[type=submit]')]);
  await page.waitForSelector('body[data-ready]');
  assert.match(await page.locator('section[aria-labelledby="h-draft"]').textContent(), /仮設住宅/);
  assert.doesNotMatch(await page.locator('section[aria-labelledby="h-recruiting"]').textContent(), /Morning market/);
  await page.close();
});

test('a broadcast: its figures, the delivery chart and who was not reached, in both languages; accessible', async () => {
  for (const lang of ['en', 'ja']) {
    const page = await open(`/dashboard/broadcasts?id=1&lang=${lang}`, { width: 1280, height: 900 });
    assert.match(await page.textContent('h1'), /Morning market website/);
    await page.waitForFunction(() => window.Chart && Object.keys(window.Chart.instances).length === 1);
    assert.ok(await page.getAttribute('canvas', 'aria-label'));
    await checkLayout(page, `broadcast ${lang}`);
    await checkAccessibility(page, `broadcast ${lang}`);
    if (lang === 'en') await page.screenshot({ path: join(shotDir, 'dashboard-broadcast-en-1280.png') });
    await page.close();
  }
});

for (const path of ['/dashboard/broadcasts?lang=en', '/dashboard/project?n=1&lang=ja', '/dashboard/drafting?lang=ja', '/dashboard/drafting?lang=en', '/dashboard/club?lang=ja&fy=2025', '/dashboard/config?lang=ja']) {
  test(`${path} draws, keeps to the screen and passes axe`, async () => {
    const page = await open(path, { width: 375, height: 800 });
    await checkLayout(page, path);
    await checkAccessibility(page, path);
    await page.close();
  });
}

test('confirming the team from the tab asks about the empty seat, then shows up in the chat', async () => {
  const page = await open('/dashboard/project?n=1&lang=en');
  await page.click('#confirm-team');
  await page.waitForSelector('#action-status button');
  assert.match(await page.textContent('#action-status'), /Some seats are still free: Copywriter \(0 of 1\)/);
  await page.click('#action-status button');
  await page.waitForFunction(() => document.getElementById('action-status')?.textContent.includes('is confirmed'));
  assert.match(await page.textContent('h1'), /Team formed/);
  // The chat: the leader's 1:1 chat, the volunteer's, and the team's introduction in the channel.
  await pg.botSent(b => b.conversation?.id === 'personal-chat-id' && textOf(b).startsWith('The team for #1 is confirmed'));
  await pg.botSent(b => textOf(b).startsWith('The team for **Morning market website** is confirmed!'));
  await pg.botSent(b => textOf(b).startsWith('Meet the team for Morning market website'));
  await page.close();
});

for (const lang of ['en', 'ja']) {
  for (const width of [1280, 375]) {
    test(`a draft's page in ${lang} at ${width} px offers Publish with the team's channels; accessible`, async () => {
      const page = await open(`/dashboard/project?n=2&lang=${lang}`, { width, height: 800 });
      assert.match(await page.textContent('#h-publish'), lang === 'en' ? /Publish to team channels/ : /チームのチャネルに公開/);
      assert.equal(await page.locator('#publish-form input[name="channel"][value="team-id"]').isChecked(), true);
      await checkLayout(page, `publish ${lang} ${width}`);
      await checkAccessibility(page, `publish ${lang} ${width}`);
      await page.close();
    });
  }
}

test('publishing a draft from the tab posts its announcement in the channel, as the chat does', async () => {
  const page = await open('/dashboard/project?n=2&lang=en');
  await page.click('#publish');
  await page.waitForFunction(() => document.getElementById('action-status')?.textContent.includes('Published #2'));
  assert.match(await page.textContent('h1'), /Recruiting/);
  assert.equal(await page.locator('#publish-form').count(), 0);
  await pg.next('team-id', m => cardTitle(m) === '仮設住宅の見守りアプリ');
  await pg.botSent(b => b.conversation?.id === 'personal-chat-id' && textOf(b).startsWith('Published #2'));
  await page.close();
});

// ---- Sign-in as deployed: Teams SSO tokens from a local issuer ----------------------------------------------------
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const APP_ID = '11111111-2222-3333-4444-555555555555';
const AUDIENCE = `api://dashboard.test/botid-${APP_ID}`;

async function startIssuer() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = `k-${randomUUID().slice(0, 8)}`;
  const server = createServer((req, res) => {
    const body = req.url.endsWith('/keys')
      ? { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }
      : { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, jwks_uri: `http://127.0.0.1:${server.address().port}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = ({ oid, aud = AUDIENCE, forged = false }) => {
    const now = Math.floor(Date.now() / 1000);
    const data = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud, oid, tid: TENANT, name: 'Haruka Sato', iat: now - 60, nbf: now - 60, exp: now + 3600 })}`;
    return `${data}.${sign('RSA-SHA256', Buffer.from(data), forged ? other : privateKey).toString('base64url')}`;
  };
  return { metadata: `http://127.0.0.1:${server.address().port}/.well-known/openid-configuration`, token, stop: () => server.close() };
}

/** A stand-in for teams-js inside Teams: initialises, reports a locale and hands out the given SSO token. */
function fakeTeams(token, locale) {
  return `window.microsoftTeams = { app: { initialize: async () => {}, getContext: async () => ({ app: { locale: ${JSON.stringify(locale)} } }) },
    authentication: { getAuthToken: async () => ${JSON.stringify(token)} } };`;
}

test('as deployed: a leader signs in with Teams SSO; a non-leader and a token for another audience are refused', async () => {
  const issuer = await startIssuer();
  const deployed = await startBot({
    MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'e2e-secret', MicrosoftAppTenantId: TENANT, ToBotFromEntraOpenIdMetadataUrl: issuer.metadata,
    Dashboard__Audience: AUDIENCE, Club__Leaders__0: LEADER_AAD,
  });
  try {
    const cases = [
      { name: 'leader', token: issuer.token({ oid: LEADER_AAD }), locale: 'ja-jp', expect: /ボード/ },
      { name: 'non-leader', token: issuer.token({ oid: '00000000-0000-0000-0000-00000000beef' }), locale: 'en-us', expect: /for the club's leaders/ },
      { name: 'other audience', token: issuer.token({ oid: LEADER_AAD, aud: 'api://elsewhere.example/botid-x' }), locale: 'en-us', expect: /open the dashboard from the ProBonoBot app in Teams/ },
      { name: 'forged', token: issuer.token({ oid: LEADER_AAD, forged: true }), locale: 'en-us', expect: /open the dashboard from the ProBonoBot app in Teams/ },
    ];
    for (const c of cases) {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.route('**/dashboard/assets/teams.min.js', route => route.fulfill({ contentType: 'text/javascript', body: fakeTeams(c.token, c.locale) }));
      await page.goto(`http://127.0.0.1:${deployed.port}/dashboard?inTeams=1`);
      await page.waitForSelector('body[data-ready]', { timeout: 15000 });
      assert.match(await page.textContent('main'), c.expect, c.name);
      if (c.name !== 'leader') await checkAccessibility(page, `refusal (${c.name})`);
      await page.close();
    }
    // Without Teams (a plain browser, no token) the API answers 401 outside local development.
    assert.equal((await fetch(`http://127.0.0.1:${deployed.port}/dashboard/api/board`)).status, 401);
  } finally {
    deployed.stop();
    issuer.stop();
  }
});
