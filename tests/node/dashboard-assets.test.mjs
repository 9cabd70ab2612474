// The dashboard serves Chart.js and teams-js from the bot's own assembly (bot/ProBonoBot/Dashboard/Web, embedded):
// the build embeds them straight from node_modules (bot/ProBonoBot/ProBonoBot.csproj), at the versions package.json pins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

const web = join(root, 'bot', 'ProBonoBot', 'Dashboard', 'Web');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

for (const [name, served, fromNpm] of [
  ['chart.js', 'chart.umd.min.js', 'chart.js/dist/chart.umd.min.js'],
  ['@microsoft/teams-js', 'teams.min.js', '@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'],
]) {
  test(`the served ${served} is ${name} ${pkg.devDependencies[name]} from npm`, () => {
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert.equal(installed, pkg.devDependencies[name]);
    const project = readFileSync(join(root, 'bot', 'ProBonoBot', 'ProBonoBot.csproj'), 'utf8');
    assert.ok(project.includes(`$(DashboardNodeModules)${fromNpm}" LogicalName="ProBonoBot.Dashboard.Web.${served}"`),
      `the bot embeds node_modules/${fromNpm} as ${served}`);
  });
}

test('teams-js is 2.58 and the page never writes data as HTML', () => {
  assert.match(pkg.devDependencies['@microsoft/teams-js'], /^2\.58\./);
  const script = readFileSync(join(web, 'dashboard.js'), 'utf8');
  assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});
