// Issue 14 (hands-on support and impact) end to end with the real Agents Playground: the leader publishes a project,
// a member signs up and is confirmed, the leader confirms the team and starts the project, then adds a meeting a few
// minutes ahead to the plan; the member gets the reminder and answers I'll be there (the leader's plan card shows it);
// after the meeting the member gets the one-tap hours card and logs; the leader approves with `approve hours`; the club
// report shows one participant and the approved hours; the member sees the approved entry in Japanese (活動時間).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
let bot;
let pg;
let announcementId;
let kenjiChat;
let meetingStart;

before(async () => {
  bot = await startBot({
    Club__Leaders__0: LEADER_AAD, Club__CardUpdateInterval: '00:00:00.300',
    Plans__ScheduleInterval: '00:00:01', Hours__ScheduleInterval: '00:00:01', Hours__AfterMilestone: '00:00:00',
  });
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
  await pg.install('personal-chat-id');
  await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
});

after(() => { pg?.stop(); bot?.stop(); });

const textOf = (body) => body?.text ?? cardTitle(body) ?? '';
const cardJson = (message) => JSON.stringify(cardOf(message) ?? {});

/** Every node of a card (body, containers, action sets, show cards). */
function nodes(node, out = []) {
  if (Array.isArray(node)) { for (const n of node) nodes(n, out); return out; }
  if (node && typeof node === 'object') { out.push(node); for (const v of Object.values(node)) if (typeof v === 'object') nodes(v, out); }
  return out;
}
const action = (card, title) => nodes(card).find(n => typeof n.type === 'string' && n.type.startsWith('Action.') && n.title === title);
/** What the Teams client sends for a button: its data and the card's inputs as they are. */
const submitted = (card, a) => ({ ...Object.fromEntries(nodes(card).filter(n => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id)
  .map(n => [n.id, n.value ?? ''])), ...a.data });

/** The entry the Playground logged for a bot message (its id is in the response). */
async function kenjiGot(predicate, timeoutMs = 15000) {
  let entry;
  await pg.botSent((b, l) => b.conversation?.id === kenjiChat && predicate(b) && (entry = l), timeoutMs);
  return { body: entry.request.body, id: entry.response?.body?.id };
}

/** A click on an Action.Execute button: an adaptiveCard/action invoke, as Teams sends it. */
function execute(conversationId, replyToId, a, data, from = 'user-id-0') {
  return pg.post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: a.verb, data: data ?? a.data } },
    from: { id: from }, conversation: { id: conversationId }, replyToId,
  });
}

async function kenjiSays(text) {
  await pg.sayAs('user-id-1', { id: kenjiChat, conversationType: 'personal' }, text);
}

/** Date and time strings in the zone the Playground's activities report (its own process zone, as Intl resolves it). */
function local(instant) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant).map(p => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

test('the leader publishes a project, a member signs up, the team is confirmed and the project starts', async () => {
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  await pg.say('personal-chat-id', 'new project');
  const form = await pg.next('personal-chat-id', m => cardTitle(m) === 'New project');
  await pg.submit('personal-chat-id', form.messageId, {
    verb: 'projectSave', title: 'Morning market website', partner: 'Wajima morning market association',
    summary: 'Stallholders lost their shops in the earthquake; visitors cannot find who sells where now.',
    roles: 'Web designer | Figma, HTML | 1', hours: '4', mode: 'remote', language: 'en',
  });
  const preview = await pg.next('personal-chat-id', m => cardJson(m).includes('not published yet'));
  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectPublish', project: 1, channels: 'team-id' });
  announcementId = (await pg.next('team-id', m => cardTitle(m) === 'Morning market website')).messageId;

  await pg.post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'signUp', data: { project: 1 } } },
    from: { id: 'user-id-1' }, conversation: { id: `team-id;messageid=${announcementId}` }, replyToId: announcementId,
  });
  kenjiChat = (await pg.botSent(b => textOf(b).startsWith('Which role'))).conversation.id;
  for (const [say, expect] of [['1', 'How many hours'], ['4', 'A few words'], ['skip', 'Please confirm'], ['yes', "You're confirmed"]]) {
    await kenjiSays(say);
    await kenjiGot(b => textOf(b).startsWith(expect));
  }

  await pg.say('personal-chat-id', 'applicants 1');
  const applicants = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Applicants'));
  await pg.submit('personal-chat-id', applicants.messageId, { verb: 'projectFormTeam', project: 1 });
  const confirmed = await pg.next('personal-chat-id', m => (m.text ?? cardJson(m)).includes('The team for #1 is confirmed'));
  assert.match(confirmed.text, /I've told the members/);

  await pg.say('personal-chat-id', 'applicants 1');
  const formed = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Applicants'));
  const start = action(cardOf(formed), 'Start the project') ?? cardOf(formed).actions?.find(a => a.data?.status === 'InProgress');
  assert.ok(start, `a start button on ${cardJson(formed)}`);
  await pg.submit('personal-chat-id', formed.messageId, start.data);
  await pg.next('personal-chat-id', m => (m.text ?? '').startsWith('#1 has started'));
});

test('the leader adds a one-minute meeting starting within two minutes to the plan', async () => {
  await pg.say('personal-chat-id', 'plan 1');
  const plan = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').includes('Plan'));
  const card = cardOf(plan);
  const save = action(card, 'Save plan');
  assert.ok(save, `a Save plan button on ${JSON.stringify(card)}`);
  // The next whole minute at least 40 s ahead (the form takes HH:mm): the meeting is less than Plans:ReminderLead ahead,
  // so its reminder is due at once, and it has not begun when the member answers.
  meetingStart = new Date(Math.floor((Date.now() + 100000) / 60000) * 60000);
  const { date, time } = local(meetingStart);
  const response = await execute('personal-chat-id', plan.messageId, save, {
    ...submitted(card, save), 'kind.new': 'meeting', 'title.new': 'Kick-off call', 'date.new': date, 'time.new': time, 'minutes.new': '1', 'place.new': 'Teams',
  });
  const saved = JSON.stringify(response);
  assert.match(saved, /Kick-off call/, saved);
  assert.match(saved, /0 coming · 0 can't · 1 no answer/);
});

test('the member gets the reminder and answers I\'ll be there; the leader sees 1 coming', async () => {
  const reminder = await kenjiGot(b => cardJson(b).includes('Kick-off call'), 20000);
  const card = cardOf(reminder.body);
  assert.match(JSON.stringify(card), /Morning market website/);
  const yes = action(card, "I'll be there");
  assert.ok(yes, `I'll be there on ${JSON.stringify(card)}`);
  const answered = JSON.stringify(await execute(kenjiChat, reminder.id, yes, undefined, 'user-id-1'));
  assert.match(answered, /Your answer: I'll be there/, answered);

  await pg.say('personal-chat-id', 'plan 1');
  const plan = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').includes('Plan'));
  assert.match(cardJson(plan), /1 coming · 0 can't · 0 no answer/);
  assert.match(cardJson(plan), /Kenji Tanaka/);
});

test('after the meeting the member logs hours with one tap', async () => {
  const wait = meetingStart.getTime() + 60000 - Date.now();
  const prompt = await kenjiGot(b => cardJson(b).includes('Kick-off call') && cardJson(b).includes('"verb":"hoursLog"'), wait + 30000);
  const card = cardOf(prompt.body);
  const log = nodes(card).find(n => n.data?.verb === 'hoursLog');
  assert.ok(log, JSON.stringify(card));
  await pg.submit(kenjiChat, prompt.id, log.data, 'user-id-1');
  assert.equal(log.title, 'Log 0.25 h');
  const logged = await kenjiGot(b => textOf(b).startsWith('Logged'));
  assert.match(logged.body.text, /^Logged 0\.25 h for \\?#1 Morning market website \(Meeting: Kick-off call on .*\), waiting for the leader's approval\./);
});

test('the leader approves the hours and the report shows 1 participant and the hours', async () => {
  await pg.say('personal-chat-id', 'approve hours');
  const review = await pg.next('personal-chat-id', m => /hours/i.test(cardTitle(m) ?? m.text ?? ''));
  const card = cardOf(review);
  const approve = nodes(card ?? {}).find(n => n.data?.verb === 'hoursApprove');
  assert.ok(approve, `approve on ${JSON.stringify(review)}`);
  await pg.submit('personal-chat-id', review.messageId, submitted(card, approve));
  const approved = await pg.botSent(b => b.conversation?.id === 'personal-chat-id' && textOf(b).startsWith('Approved'));
  assert.match(approved.text, /^Approved 1 entry of \\?#1 \(0\.25 h\)\.$/);

  await pg.say('personal-chat-id', 'report');
  const report = cardOf(await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Club report FY'), 30000));
  const facts = Object.fromEntries(report.body.find(n => n.type === 'FactSet').facts.map(f => [f.title, f.value]));
  assert.equal(facts.Participants, '1');
  assert.equal(facts['Approved hours'], '0.25');
  assert.equal(facts['Teams built'], '1');
  assert.equal(facts['Hands-on support'], '1');
  assert.equal(facts['Partners served'], '1');
});

test('the member switches to Japanese and sees the entry approved under 活動時間', async () => {
  await kenjiSays('日本語');
  await kenjiGot(b => /日本語/.test(textOf(b)));
  await kenjiSays('活動時間');
  const mine = await kenjiGot(b => cardTitle(b) === '活動時間');
  assert.match(JSON.stringify(cardOf(mine.body)), /承認済み/);
  assert.match(JSON.stringify(cardOf(mine.body)), /Morning market website/);
});
