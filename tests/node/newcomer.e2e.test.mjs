// Issue 12 end to end with the real Agents Playground: a brand-new member who has never read the README types only
// greetings, near misses and what the bot's own cards show (button texts are typed as the Playground's imBack would),
// and gets from "hi" to the project list, a sign-up and its confirmation — in English and in Japanese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
let bot;
let pg;

before(async () => {
  // A newcomer tries many things in a row: more than a person's usual burst.
  bot = await startBot({ Club__Leaders__0: LEADER_AAD, Bot__PerPersonBurst: '500', Bot__PerPersonPerMinute: '500' });
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
  await pg.install('personal-chat-id');
  await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');

  // The leader (the Playground's current user) publishes one project with two seats to the team channel.
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  await pg.say('personal-chat-id', 'new project');
  const form = await pg.next('personal-chat-id', m => cardTitle(m) === 'New project');
  await pg.submit('personal-chat-id', form.messageId, {
    verb: 'projectSave', title: 'Morning market website', partner: 'Wajima morning market association',
    summary: 'Stallholders lost their shops in the earthquake; visitors cannot find who sells where now.',
    roles: 'Web designer | Figma, HTML | 2', hours: '4', mode: 'remote', language: 'en',
  });
  const preview = await pg.next('personal-chat-id', m => JSON.stringify(cardOf(m) ?? {}).includes('not published yet'));
  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectPublish', project: 1, channels: 'team-id' });
  await pg.next('team-id', m => cardTitle(m) === 'Morning market website');
});

after(() => { pg?.stop(); bot?.stop(); });

const textOf = (body) => body?.text ?? cardTitle(body) ?? '';
const buttons = (body) => JSON.stringify(cardOf(body) ?? {}).match(/"value":"[^"]*"/g)?.map(v => JSON.parse(`{${v}}`).value) ?? [];
const notUnderstood = /did not understand|うまく理解できませんでした/;

/** A newcomer with their own 1:1 chat, typing as a person would. */
function newcomer(userId, chat, locale) {
  return async (text, expect) => {
    await pg.sayAs(userId, { id: chat, conversationType: 'personal' }, text, locale);
    const reply = await pg.botSent(b => b.conversation?.id === chat && expect(b));
    assert.doesNotMatch(textOf(reply), notUnderstood, `"${text}" was not understood`);
    return reply;
  };
}

test('an English newcomer: hi → near misses → the project list → sign up → confirmed', async () => {
  const say = newcomer('user-id-1', 'newcomer-en', 'en-US');

  const hello = await say('hi', b => textOf(b).startsWith('Hi '));
  assert.deepEqual(buttons(hello), ['projects', 'my projects', 'help']);

  const suggestion = await say('hlep', b => textOf(b).startsWith('Did you mean **help**'));
  const help = await say(buttons(suggestion)[0], b => textOf(b) === 'What I can do');
  const shown = cardOf(help).body.find(b => b.type === 'FactSet').facts.map(f => f.title);
  assert.ok(shown.includes('sign up 3'), 'the help card shows a command that can be typed as it is');

  const typo = await say('projcts', b => textOf(b).startsWith('Did you mean **projects**'));
  const list = await say(buttons(typo)[0], b => textOf(b) === 'Projects recruiting now');
  assert.match(JSON.stringify(cardOf(list)), /#1 Morning market website/);

  // "sign up" as the help card's first word, without the number: the list to pick from, as buttons.
  const pick = await say('sign up', b => textOf(b).startsWith('Which project would you like to join'));
  assert.deepEqual(buttons(pick), ['sign up 1']);
  await say(buttons(pick)[0], b => textOf(b).startsWith('Which role'));
  await say('1', b => textOf(b).startsWith('How many hours'));
  await say('4', b => textOf(b).startsWith('A few words'));
  await say('skip', b => textOf(b).startsWith('Please confirm'));
  const done = await say('yes', b => textOf(b).startsWith("You're confirmed"));
  assert.match(done.text, /Web designer/);

  await say('thanks!', b => textOf(b).startsWith("You're welcome"));
  await say('👍', b => textOf(b).startsWith('👍'));
});

test('a Japanese newcomer: こんにちは → 募集 → 参加 → 確定', async () => {
  const say = newcomer('user-id-3', 'newcomer-ja', 'ja-JP');

  const hello = await say('こんにちは', b => textOf(b).startsWith('こんにちは'));
  assert.deepEqual(buttons(hello), ['募集中', '参加中', 'ヘルプ']);

  // Full-width letters from a Japanese keyboard, and a typo in katakana.
  await say('ＨＥＬＰ', b => textOf(b) === 'できること');
  const suggestion = await say('ヘルブ', b => textOf(b).startsWith('「**ヘルプ**」のことですか'));
  assert.deepEqual(buttons(suggestion), ['ヘルプ', 'ヘルプ']);

  const list = await say('募集', b => textOf(b) === '募集中のプロジェクト');
  assert.match(JSON.stringify(cardOf(list)), /#1 Morning market website/);

  const pick = await say('参加', b => textOf(b).startsWith('どのプロジェクトに参加しますか'));
  assert.deepEqual(buttons(pick), ['参加 1']);
  await say(buttons(pick)[0], b => /役割/.test(textOf(b)));
  await say('１', b => /何時間/.test(textOf(b)));
  await say('３', b => /ひとこと|一言|スキル/.test(textOf(b)));
  await say('スキップ', b => /確認/.test(textOf(b)));
  const done = await say('はい', b => /確定|参加が決まりました/.test(textOf(b)));
  assert.match(done.text, /Web designer/);

  await say('ありがとうございます', b => textOf(b).startsWith('どういたしまして'));
});
