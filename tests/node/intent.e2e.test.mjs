// Issue 11, intent before intake, end to end with the real Agents Playground: an ordinary question (English and
// Japanese) does not start drafting; a possible need is answered with "Shall I turn this into a project brief?";
// help inside intake explains the question; cancel works at every step of need intake and of sign-up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
const CHAT = 'personal-chat-id';
const VAGUE_NEED = 'new need: the families we support find it hard to know what is going on each week.';
let bot;
let pg;

before(async () => {
  // One Playground user types every step of every flow here: more than a person's usual burst.
  bot = await startBot({ Club__Leaders__0: LEADER_AAD, Bot__PerPersonBurst: '500', Bot__PerPersonPerMinute: '500' });
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
  await pg.install(CHAT);
  await pg.next(CHAT, m => cardTitle(m) === 'Welcome to ProBonoBot');
});

after(() => { pg?.stop(); bot?.stop(); });

const textOf = (m) => m?.text ?? cardTitle(m) ?? '';

async function say(text, expectStart) {
  await pg.say(CHAT, text);
  return pg.next(CHAT, m => textOf(m).startsWith(expectStart));
}

test('an ordinary question does not start drafting (English)', async () => {
  const reply = await say("Hi! When is the next pro bono club meeting? I joined last month and I'd love to help out with a project if there's room.",
    'Sorry, I did not understand');
  assert.doesNotMatch(textOf(reply), /organisation/);
  await say('cancel', 'Nothing to cancel');
});

test('an ordinary question does not start drafting (Japanese)', async () => {
  const reply = await say('こんにちは！次のプロボノクラブのミーティングはいつですか？先月入ったばかりですが、何かお手伝いしたいです。', 'すみません、うまく理解できませんでした');
  assert.doesNotMatch(textOf(reply), /団体名/);
  await say('キャンセル', '取り消すものはありません');
});

test('a possible need is asked about first, and No drafts nothing', async () => {
  const ask = await say("Hi, I'm Ken. My aunt runs a small bakery and she is struggling to keep track of orders on paper, maybe we could do something?",
    'Shall I turn this into a project brief?');
  assert.deepEqual(cardOf(ask).actions.map(a => a.title), ['Yes, draft a brief', 'No']);
  assert.doesNotMatch(JSON.stringify(cardOf(ask)), /bakery/);
  await pg.submit(CHAT, ask.messageId ?? ask.id, cardOf(ask).actions[1].data);
  const closed = await pg.nextUpdate(CHAT, m => textOf(m).startsWith("OK — I won't draft anything"));
  assert.ok(closed);
});

test('help inside intake explains the question being asked; cancel then drops the need', async () => {
  await say(VAGUE_NEED, 'Which organisation');
  const help = await say('help', "**You're describing a need — question 1 of");
  assert.match(textOf(help), /skip/);
  assert.match(textOf(help), /cancel/);
  await say('cancel', 'OK — I dropped the need you started');
});

test('help inside intake, in Japanese', async () => {
  await say('相談', 'ご相談の内容を数文で教えてください');
  await say('ヘルプ', '**相談を受け付けています。**');
  await say('やめる', '承知しました。始めていた相談を取り消しました');
});

const intakeSteps = [
  { name: 'the need itself', reach: [['new need', 'Tell me about the need']] },
  { name: 'the partner', reach: [[VAGUE_NEED, 'Which organisation']] },
  { name: 'the deliverable', reach: [[VAGUE_NEED, 'Which organisation'], ['Hope Harbor Foundation', 'What should the team hand over']] },
  { name: 'the deadline', reach: [[VAGUE_NEED, 'Which organisation'], ['Hope Harbor Foundation', 'What should the team hand over'], ['A weekly newsletter', 'Is there a deadline']] },
];

for (const [i, step] of intakeSteps.entries()) {
  test(`cancel while intake asks for ${step.name}`, async () => {
    for (const [text, expect] of step.reach) await say(text, expect);
    const word = ['cancel', 'キャンセル', 'stop', 'ｃａｎｃｅｌ'][i];
    const reply = await say(word, word === 'キャンセル' ? '承知しました。始めていた相談を取り消しました' : 'OK — I dropped the need you started');
    assert.match(textOf(reply), /new need|相談/);
  });
}

test('a confused answer is not stored as the organisation', async () => {
  await say(VAGUE_NEED, 'Which organisation');
  const refused = await say('Sorry, what? I was just asking about the meeting', "I didn't save that as an answer");
  assert.match(textOf(refused), /For example/);
  await say('cancel', 'OK — I dropped the need you started');
});

test('the leader publishes a project for the sign-up steps', async () => {
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  await pg.say(CHAT, 'new project');
  const form = await pg.next(CHAT, m => cardTitle(m) === 'New project');
  await pg.submit(CHAT, form.messageId, {
    verb: 'projectSave', title: 'Morning market website', partner: 'Wajima morning market association',
    summary: 'Stallholders lost their shops in the earthquake; visitors cannot find who sells where now.',
    roles: 'Web designer | Figma, HTML | 2\nCopywriter | Japanese and English | 1', hours: '4', mode: 'remote', language: 'en',
  });
  const preview = await pg.next(CHAT, m => JSON.stringify(cardOf(m) ?? {}).includes('not published yet'));
  await pg.submit(CHAT, preview.messageId, { verb: 'projectPublish', project: 1, channels: 'team-id' });
  await pg.next(CHAT, m => textOf(m).startsWith('Published #1'));
});

const signUpSteps = [
  { name: 'the role', answers: [] },
  { name: 'the hours', answers: [['1', 'How many hours']] },
  { name: 'the note', answers: [['1', 'How many hours'], ['3', 'A few words']] },
  { name: 'the confirmation', answers: [['1', 'How many hours'], ['3', 'A few words'], ['skip', 'Please confirm']] },
];

for (const [i, step] of signUpSteps.entries()) {
  test(`cancel while sign-up asks for ${step.name}`, async () => {
    await say('sign up 1', 'Which role');
    for (const [text, expect] of step.answers) await say(text, expect);
    if (i === 1) await say('help', "**You're signing up for #1");
    const word = ['cancel', 'やめる', 'quit', 'キャンセル'][i];
    const japanese = word === 'やめる' || word === 'キャンセル';
    const reply = await say(word, japanese ? '承知しました。**#1 Morning market website** への応募を取り消しました' : 'OK — I dropped your sign-up for **#1 Morning market website**');
    assert.match(textOf(reply), /sign up 1|参加 1/);
  });
}

test('after every cancel nothing is left open', async () => {
  await say('cancel', 'Nothing to cancel');
});
