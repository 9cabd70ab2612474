// Issue 3 end to end with the real Agents Playground: the leader (the Playground's current user) creates and
// publishes a project to the team's channel; a second user clicks Sign up on the channel card and finishes in
// their own 1:1 chat; the channel card shows one seat fewer; a third user is waitlisted; withdrawing frees the
// seat and the waitlisted user gets the offer (withdraw and confirming a team with an empty seat ask first); the
// leader forms the team, which is introduced in the channel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBot, startPlayground, cardOf, cardTitle, root } from './harness.mjs';
import { launchChromium } from './chromium.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
let bot;
let pg;
let announcementId;
let browser;
let page;
const chats = {};

before(async () => {
  bot = await startBot({ Club__Leaders__0: LEADER_AAD, Club__CardUpdateInterval: '00:00:00.300', Club__LeaderDigestInterval: '00:00:02' });
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
  // The web client shows what arrives while it is open: open it first, look at it at the end.
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await page.goto(pg.base, { waitUntil: 'networkidle' });
  await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
});

after(async () => { await browser?.close(); pg?.stop(); bot?.stop(); });

const textOf = (body) => body?.text ?? cardTitle(body) ?? '';
const cardJson = (message) => JSON.stringify(cardOf(message) ?? {});

async function answer(userId, expectStart, text) {
  const chat = chats[userId];
  await pg.sayAs(userId, { id: chat, conversationType: 'personal' }, text);
  return pg.botSent(b => b.conversation?.id === chat && textOf(b).startsWith(expectStart));
}

async function signUpFromChannel(userId) {
  await pg.post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'signUp', data: { project: 1 } } },
    from: { id: userId }, conversation: { id: `team-id;messageid=${announcementId}` }, replyToId: announcementId,
  });
  const question = await pg.botSent(b => textOf(b).startsWith('Which role'));
  chats[userId] = question.conversation.id;
  return question;
}

test('the leader creates a project with the form and publishes it to the team channel', async () => {
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot');

  await pg.say('personal-chat-id', 'new project');
  const form = await pg.next('personal-chat-id', m => cardTitle(m) === 'New project');
  await pg.submit('personal-chat-id', form.messageId, {
    verb: 'projectSave', title: 'Morning market website', partner: 'Wajima morning market association',
    summary: 'Stallholders lost their shops in the earthquake; visitors cannot find who sells where now.',
    roles: 'Web designer | Figma, HTML | 1\nCopywriter | Japanese and English | 1', hours: '4', mode: 'remote', language: 'en',
  });
  const preview = await pg.next('personal-chat-id', m => cardJson(m).includes('not published yet'));

  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectPublish', project: 1, channels: 'team-id' });
  const announcement = await pg.next('team-id', m => cardTitle(m) === 'Morning market website');
  announcementId = announcement.messageId;
  assert.equal(cardOf(announcement).actions[0].verb, 'signUp');
  assert.match(cardJson(announcement), /1 seat left of 1/);
  assert.match(textOf(await pg.botSent(b => textOf(b).startsWith('Published #1'))), /1 channel/);
});

test('a second user signs up from the channel card and completes it in their 1:1 chat', async () => {
  const question = await signUpFromChannel('user-id-1');
  assert.notEqual(question.conversation.id, 'personal-chat-id');

  await answer('user-id-1', 'How many hours', '1');
  await answer('user-id-1', 'A few words', '6');
  await answer('user-id-1', 'Please confirm', 'I build sites for local shops');
  const done = await answer('user-id-1', "You're confirmed", 'yes');
  assert.match(done.text, /Web designer/);
});

test('the channel card shows one seat fewer, live', async () => {
  const updated = await pg.nextUpdate('team-id', m => cardJson(m).includes('Full — waitlist open (0 waiting)'));
  assert.equal(cardOf(updated).refresh.userIds[0], 'user-id-1');
});

test('a third user joins the waitlist for the full role', async () => {
  await signUpFromChannel('user-id-3');
  await answer('user-id-3', 'How many hours', '1');
  await answer('user-id-3', 'A few words', '3');
  await answer('user-id-3', 'Please confirm', 'skip');
  const waitlisted = await answer('user-id-3', '**Web designer** is full', 'yes');
  assert.match(waitlisted.text, /#1\*\* on the waitlist/);
});

test('withdrawing frees the seat and the waitlisted user is offered it', async () => {
  // Withdrawing asks first; only Confirm acts.
  const ask = await answer('user-id-1', 'Withdraw from #1', 'withdraw 1');
  assert.equal(cardOf(ask).actions[1].title, 'Keep my place');
  await pg.sayAs('user-id-1', { id: chats['user-id-1'], conversationType: 'personal' }, '', 'en-US', { value: cardOf(ask).actions[0].data });
  const withdrawn = await pg.botSent(b => b.conversation?.id === chats['user-id-1'] && textOf(b).startsWith("You've withdrawn"));
  assert.match(textOf(withdrawn), /Morning market website/);

  const offer = await pg.botSent(b => b.conversation?.id === chats['user-id-3'] && cardTitle(b) === 'A seat has opened up!');
  assert.equal(cardOf(offer).actions[0].data.verb, 'offerAccept');

  await pg.sayAs('user-id-3', { id: chats['user-id-3'], conversationType: 'personal' }, '', 'en-US', { value: { verb: 'offerAccept', project: 1 } });
  const accepted = await pg.botSent(b => b.conversation?.id === chats['user-id-3'] && textOf(b).startsWith('Welcome aboard'));
  assert.match(accepted.text, /Web designer/);
});

test('the leader gets one digest of the sign-up news', async () => {
  const digest = await pg.next('personal-chat-id', m => (m.text ?? '').includes('Sign-up news'), 20000);
  assert.match(digest.text, /signed up as Web designer/);
});

test('the leader broadcasts the project to everyone and the channel, and watches the report update', async () => {
  await pg.say('personal-chat-id', 'broadcast 1');
  const audience = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Broadcast #1'));
  // General already shows the card from publishing (kept up to date), so the broadcast does not post it there again;
  // the Playground's team also has a Projects channel, which the bot now knows and which does not show it yet.
  assert.match(cardJson(audience), /people and 1 channel/);

  await pg.submit('personal-chat-id', audience.messageId, { verb: 'broadcastStart', project: 1, audience: 'both', resend: 'false' });
  const report = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Broadcast of #1'));
  await pg.nextUpdate('personal-chat-id', m => m.messageId === report.messageId && cardJson(m).includes('Finished.'), 20000);

  await pg.botSent(b => b.conversation?.id === chats['user-id-1'] && cardTitle(b) === 'Morning market website');
  // Issue 13: team members who never opened the bot are reached too. The bot listed the team's roster from the
  // Playground at install (paged members), created each 1:1 chat (POST /v3/conversations) and sent the card there.
  for (const member of ['user-id-4', 'user-id-5']) {
    const create = pg.logEntries.find(l => l.from === 'User Application' && l.activityName === 'createConversation'
      && l.request?.body?.members?.[0]?.id === member);
    assert.ok(create, `the bot created a 1:1 chat with ${member}, who never wrote to it`);
    const chat = create.response?.body?.id;
    await pg.botSent(b => b.conversation?.id === chat && cardTitle(b) === 'Morning market website');
  }
  const channelPosts = pg.messages.filter(m => m.action === 'createMessage' && m.actionConversationId === 'team-id' && cardTitle(m.message) === 'Morning market website');
  assert.equal(channelPosts.length, 1, 'one card in the channel: the one publishing posted');

  await pg.say('personal-chat-id', 'broadcast 1');
  const again = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Broadcast #1'));
  assert.match(cardJson(again), /0 people and 0 channel/, 'nobody gets the same project twice');
});

test('the leader forms the team; members are told and the team is introduced in the channel', async () => {
  await pg.say('personal-chat-id', 'applicants 1');
  const applicants = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Applicants'));
  assert.match(cardJson(applicants), /Yui Nakamura/);

  // The copywriter seat is still empty, so confirming the team asks first.
  await pg.submit('personal-chat-id', applicants.messageId, { verb: 'projectFormTeam', project: 1 });
  const confirm = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Confirm the team for #1'));
  assert.match(cardJson(confirm), /Copywriter \(0 of 1 filled\)/);
  await pg.submit('personal-chat-id', confirm.messageId, cardOf(confirm).actions[0].data);
  const formed = await pg.nextUpdate('personal-chat-id', m => cardJson(m).includes('The team for #1 is confirmed'));
  assert.equal(cardOf(formed).actions, undefined);
  const intro = await pg.botSent(b => b.conversation?.id === 'team-id' && (b.text ?? '').startsWith('Meet the team'));
  assert.match(intro.text, /<at>Yui Nakamura<\/at>/);
  assert.equal(intro.entities[0].type, 'mention');
  await pg.botSent(b => b.conversation?.id === chats['user-id-3'] && textOf(b).startsWith('The team for **Morning market website** is confirmed'));
});

test('the channel card renders in the Playground web client (screenshot)', async () => {
  await page.getByText('General').first().click();
  await page.getByText('Morning market website').first().waitFor({ timeout: 20000 });
  // The team is formed by now: the channel card says so instead of showing seats.
  await page.getByText('The team is formed').first().waitFor({ timeout: 5000 });
  await page.waitForTimeout(800);
  mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'channel-announcement.png') });
});
