// Issue 13 (skills profiles) end to end with the real Agents Playground: the 1:1 welcome asks once for a short profile
// and the leader saves it from there; a member fills in the full profile card in their own 1:1 chat and asks for
// recommendations (open projects that fit, with why); the leader sees the member on the applicants card as someone
// who fits and has not applied, and invites them with one click (once: a second click sends nothing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
let bot;
let pg;
let welcome;
let announcementId;
let kenjiChat;

before(async () => {
  bot = await startBot({ Club__Leaders__0: LEADER_AAD, Club__CardUpdateInterval: '00:00:00.300' });
  pg = await startPlayground(bot.endpoint);
  await pg.connect();
  await pg.connectLog();
  await pg.install('personal-chat-id');
  welcome = await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
});

after(() => { pg?.stop(); bot?.stop(); });

const textOf = (body) => body?.text ?? cardTitle(body) ?? '';
const cardJson = (message) => JSON.stringify(cardOf(message) ?? {});
const inputs = (card) => Object.fromEntries((card.body ?? []).filter(n => n.id).map(n => [n.id, n]));

async function kenjiSays(text, value) {
  await pg.sayAs('user-id-1', { id: kenjiChat, conversationType: 'personal' }, text, 'en-US', value ? { value } : {});
}

test('the 1:1 welcome asks for a short profile, and saving it from there works', async () => {
  const prompt = cardOf(welcome).body.find(n => n.type === 'ActionSet');
  assert.ok(cardJson(welcome).includes('Your skills (optional)'));
  const setUp = prompt.actions.find(a => a.type === 'Action.ShowCard');
  assert.equal(setUp.title, 'Set up my profile');
  assert.deepEqual(setUp.card.body.map(n => n.id), ['skills', 'hours', 'mode']);
  assert.equal(setUp.card.actions[0].data.verb, 'profileSave');

  await pg.submit('personal-chat-id', welcome.messageId, { ...setUp.card.actions[0].data, skills: 'ui-design,figma', hours: '10', mode: 'remote' });
  await pg.next('personal-chat-id', m => (m.text ?? '').startsWith('Your profile is saved'));

  await pg.say('personal-chat-id', 'profile');
  const card = cardOf(await pg.next('personal-chat-id', m => cardTitle(m) === 'Your profile'));
  assert.equal(inputs(card).skills.value, 'ui-design,figma');
  assert.equal(inputs(card).hours.value, '10');
});

test('the leader publishes a project that asks for a web designer', async () => {
  await pg.install('team-id');
  await pg.next('team-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  assert.ok(!cardJson(pg.messages.at(-1)?.message).includes('Your skills'), 'a team is never asked for a profile');

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
});

test('a member fills in the full profile card in their 1:1 chat', async () => {
  // Kenji's 1:1 chat is opened by the bot when he clicks Sign up on the channel card (he does not finish it).
  await pg.post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'signUp', data: { project: 1 } } },
    from: { id: 'user-id-1' }, conversation: { id: `team-id;messageid=${announcementId}` }, replyToId: announcementId,
  });
  kenjiChat = (await pg.botSent(b => textOf(b).startsWith('Which role'))).conversation.id;
  await kenjiSays('cancel');
  await pg.botSent(b => b.conversation?.id === kenjiChat && (b.text ?? '').startsWith('OK — I dropped your sign-up'));

  await kenjiSays('profile');
  const card = cardOf(await pg.botSent(b => b.conversation?.id === kenjiChat && cardTitle(b) === 'Your profile'));
  const skills = inputs(card).skills.choices.map(c => c.value);
  assert.ok(skills.includes('figma') && skills.includes('video-editing'), 'the drafter\'s skills are offered');
  assert.deepEqual(card.actions.map(a => a.data.verb), ['profileSave', 'profileSkip']);

  await kenjiSays('', { ...card.actions[0].data, skills: 'figma,html-css', skillsOther: 'photography', interests: 'website,disaster', hours: '20', languages: 'en,ja', mode: 'either', area: 'Ishikawa' });
  await pg.botSent(b => b.conversation?.id === kenjiChat && textOf(b).startsWith('Your profile is saved'));

  // Tampered card data is refused and changes nothing.
  await kenjiSays('', { verb: 'profileSave', form: 'full', skills: 'figma,rocket-science', hours: '-5' });
  const refused = await pg.botSent(b => b.conversation?.id === kenjiChat && textOf(b).startsWith('Your profile was not saved'));
  assert.match(refused.text, /Skills: a choice that is not on the card/);
  assert.match(refused.text, /from 0 to 200/);
});

test('recommend lists the open project that fits, with why and a Sign up button', async () => {
  await kenjiSays('recommend');
  const card = cardOf(await pg.botSent(b => b.conversation?.id === kenjiChat && cardTitle(b) === 'Projects for you'));
  const json = JSON.stringify(card);
  assert.match(json, /#1 Morning market website/);
  assert.match(json, /Why: matches your skills: Figma, HTML\/CSS · interested in Website, Disaster recovery · remote OK · needs 16 h\/month, you have 20/);
  const signUp = card.body[2].items.find(i => i.type === 'ActionSet').actions[0];
  assert.equal(signUp.verb, 'signUp');
  assert.equal(signUp.data.project, 1);
});

test('the leader invites the member from the applicants card, once', async () => {
  await pg.say('personal-chat-id', 'applicants 1');
  const applicants = await pg.next('personal-chat-id', m => (cardTitle(m) ?? '').startsWith('Applicants'));
  assert.match(cardJson(applicants), /Members who fit and have not applied/);
  const kenji = cardOf(applicants).body.find(n => n.type === 'Container' && JSON.stringify(n).includes('Kenji Tanaka'));
  assert.ok(kenji, 'Kenji is listed as fitting');
  assert.match(JSON.stringify(kenji), /skills: Figma, HTML\/CSS/);
  const invite = kenji.items.find(i => i.type === 'ActionSet').actions[0];
  assert.equal(invite.title, 'Invite');

  await pg.submit('personal-chat-id', applicants.messageId, invite.data);
  const updated = await pg.nextUpdate('personal-chat-id', m => cardJson(m).includes('Invitation sent to Kenji Tanaka.'));
  assert.match(cardJson(updated), /✓ Invited/);

  const invitation = await pg.botSent(b => b.conversation?.id === kenjiChat && cardTitle(b) === 'An invitation to a project', 20000);
  assert.match(JSON.stringify(cardOf(invitation)), /Haruka Sato thinks you would be a good fit for \*\*#1 Morning market website\*\*/);
  assert.equal(cardOf(invitation).actions[0].verb, 'signUp');

  // A second click (the card as it was before the update) says so and sends nothing.
  await pg.submit('personal-chat-id', applicants.messageId, invite.data);
  await pg.nextUpdate('personal-chat-id', m => cardJson(m).includes('has already been invited to #1'));
  await new Promise(r => setTimeout(r, 1500));
  const invitations = pg.logEntries.filter(l => l.from === 'User Application' && cardTitle(l.request?.body) === 'An invitation to a project'
    && l.request?.body?.conversation?.id === kenjiChat);
  assert.equal(invitations.length, 1);
});
