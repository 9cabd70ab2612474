// Issue 12 (channels and languages) end to end with the real Agents Playground: before the bot is in a team,
// Publish says how to add it (in Teams and in the Playground); once it is installed in the team, the publish card
// lists every channel of the team as the Playground's connector lists them (GET /v3/teams/{id}/conversations),
// and a project in Japanese and English is announced in a channel with both languages' labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
let bot;
let pg;
let preview;

before(async () => {
  bot = await startBot({ Club__Leaders__0: LEADER_AAD });
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
});

after(async () => { pg?.stop(); bot?.stop(); });

const cardJson = (message) => JSON.stringify(cardOf(message) ?? {});

test('publishing before the bot is in any team says how to add it, in Teams and in the Playground', async () => {
  await pg.say('personal-chat-id', 'new project');
  const form = await pg.next('personal-chat-id', m => cardTitle(m) === 'New project');
  await pg.submit('personal-chat-id', form.messageId, {
    verb: 'projectSave', title: 'Morning market website', partner: 'Wajima morning market association',
    summary: 'Stallholders lost their shops in the earthquake; visitors cannot find who sells where now.',
    roles: 'Web designer | Figma, HTML | 1', hours: '4', mode: 'remote', language: 'both',
  });
  preview = await pg.next('personal-chat-id', m => cardJson(m).includes('not published yet'));

  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectChooseChannels', project: 1 });
  const answer = await pg.next('personal-chat-id', m => (m.text ?? '').startsWith("I'm not in any team channel yet"));
  assert.match(answer.text, /Add to a team/);
  assert.match(answer.text, /Teams Channel/);
  assert.match(answer.text, /General/);
});

test('once installed in the team, the publish card lists every channel of the team', async () => {
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot' || cardTitle(m) === 'ProBonoBot へようこそ');

  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectChooseChannels', project: 1 });
  const card = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').includes('to which channels'));
  const choices = cardOf(card).body.find(b => b.type === 'Input.ChoiceSet').choices.map(c => c.title);
  assert.deepEqual(choices, ['Pro Bono Club — General', 'Pro Bono Club — Projects']);
});

test('a project in Japanese and English is announced with both languages\u2019 labels', async () => {
  await pg.submit('personal-chat-id', preview.messageId, { verb: 'projectPublish', project: 1, channels: 'channel-projects-id' });
  const announcement = await pg.next('channel-projects-id', m => cardTitle(m) === 'Morning market website');
  assert.equal(cardOf(announcement).actions[0].title, '参加する / Sign up');
});
