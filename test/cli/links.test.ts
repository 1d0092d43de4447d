/**
 * Programs that span documents: a topic covered by a linked page in the folder
 * being linted counts as covered (spec, "Programs that span documents").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LinkedFiles } from '../../cli/links.js';
import { debugCounts, parseJsonOutput, ruleIds, runCli, tempDir, write, type JsonEntry } from './helpers.js';
import { DEAL_REG_RULES, DEAL_REGISTRATION, MDF, OVERVIEW, REFERRAL_GUIDE, UNRELATED_NOTE } from '../handbook.js';

function entry(entries: JsonEntry[], name: string): JsonEntry & { coveredElsewhere?: Array<{ topic: string; label: string; file: string; line: number; resolved?: string }> } {
  const found = entries.find((e) => path.basename(e.file) === name);
  assert.ok(found, `${name} in the output: ${entries.map((e) => e.file).join(', ')}`);
  return found;
}

function writeHandbook(dir: string): void {
  write(dir, 'overview.md', OVERVIEW);
  write(dir, 'deal-registration.md', DEAL_REGISTRATION);
  write(dir, 'mdf.md', MDF);
  write(dir, 'referrals.md', REFERRAL_GUIDE);
}

test('a handbook folder: topics covered by linked pages are not reported missing; a link to a missing file covers nothing', async (t) => {
  const dir = tempDir(t);
  writeHandbook(dir);
  const run = await runCli(['--format', 'json', dir]);
  const entries = parseJsonOutput(run);
  const overview = entry(entries, 'overview.md');
  assert.equal(overview.isPlan, true, run.stdout);
  const ids = ruleIds(overview);
  for (const id of [...DEAL_REG_RULES, 'mdf-claims']) assert.ok(!ids.includes(id), `${id} is covered by a linked page: ${ids.join(', ')}`);
  // pricing.md does not exist: the link covers nothing.
  assert.ok(ids.includes('pricing-protection'), ids.join(', '));
  const covered = overview.coveredElsewhere ?? [];
  const dealRegistration = covered.find((c) => c.topic === 'dealRegistration');
  assert.deepEqual(
    dealRegistration && { label: dealRegistration.label, file: dealRegistration.file, line: dealRegistration.line, resolved: dealRegistration.resolved },
    { label: 'Deal registration', file: 'deal-registration.md', line: 14, resolved: path.join(dir, 'deal-registration.md') },
  );
  const mdf = covered.find((c) => c.topic === 'mdf');
  assert.equal(mdf?.file, 'mdf.md', 'the fragment is not part of the file');
  assert.equal(mdf?.line, 15);
  assert.ok(!covered.some((c) => c.file === 'pricing.md'), JSON.stringify(covered));
  assert.ok(!covered.some((c) => c.topic === 'pricingProtection'));

  // `./x.md#fragment`, from a page whose text never names deal registration.
  const referrals = entry(entries, 'referrals.md');
  assert.equal(referrals.isPlan, true);
  assert.ok(!ruleIds(referrals).includes('deal-reg-missing'), ruleIds(referrals).join(', '));
  assert.equal(entry(entries, 'referrals.md').coveredElsewhere?.find((c) => c.topic === 'dealRegistration')?.file, './deal-registration.md');

  // The stylish report and --report say where the topic is covered.
  const report = await runCli(['--report', path.join(dir, 'overview.md')]);
  assert.match(report.stdout, /Deal registration · covered in deal-registration\.md \(linked on line 14\)/);

  // Without the deal-registration page, the topic is the overview's own business again.
  fs.rmSync(path.join(dir, 'deal-registration.md'));
  const after = parseJsonOutput(await runCli(['--format', 'json', dir]));
  assert.ok(!(entry(after, 'overview.md').coveredElsewhere ?? []).some((c) => c.topic === 'dealRegistration'));
  assert.ok(
    ruleIds(entry(after, 'overview.md')).some((id) => DEAL_REG_RULES.includes(id)),
    `the overview names deal registration without describing it: ${ruleIds(entry(after, 'overview.md')).join(', ')}`,
  );
  assert.ok(ruleIds(entry(after, 'referrals.md')).includes('deal-reg-missing'), ruleIds(entry(after, 'referrals.md')).join(', '));
  assert.ok(!ruleIds(entry(after, 'overview.md')).includes('mdf-claims'), 'the MDF page still covers MDF');
});

test('linked pages are read only inside the folders being linted or the working directory', async (t) => {
  const dir = tempDir(t);
  write(dir, 'deal-registration.md', DEAL_REGISTRATION);
  write(dir, 'guides/referrals.md', REFERRAL_GUIDE.replace('./deal-registration.md', '../deal-registration.md'));
  const guides = path.join(dir, 'guides');
  const outside = parseJsonOutput(await runCli(['--format', 'json', guides], { cwd: guides }));
  assert.ok(ruleIds(entry(outside, 'referrals.md')).includes('deal-reg-missing'), 'the policy is outside the linted folder and the working directory');
  const inCwd = parseJsonOutput(await runCli(['--format', 'json', 'guides'], { cwd: dir }));
  assert.ok(!ruleIds(entry(inCwd, 'referrals.md')).includes('deal-reg-missing'), 'the policy is inside the working directory');
  const inRoots = parseJsonOutput(await runCli(['--format', 'json', guides, path.join(dir, 'deal-registration.md')], { cwd: guides }));
  assert.ok(!ruleIds(entry(inRoots, 'referrals.md')).includes('deal-reg-missing'), 'the policy is one of the files being linted');
});

test('a huge or binary linked file covers nothing', async (t) => {
  const dir = tempDir(t);
  const huge = DEAL_REGISTRATION + '\n## More\n\n' + 'Registrations are reviewed by the channel team every week. '.repeat(20_000) + '\n';
  assert.ok(Buffer.byteLength(huge) > 1024 * 1024);
  write(dir, 'assets/huge.md', huge);
  write(dir, 'assets/binary.md', Buffer.concat([Buffer.from(DEAL_REGISTRATION), Buffer.from([0, 1, 2])]));
  write(dir, 'guides/a.md', REFERRAL_GUIDE.replace('./deal-registration.md#approval', '../assets/huge.md'));
  write(dir, 'guides/b.md', REFERRAL_GUIDE.replace('./deal-registration.md#approval', '../assets/binary.md'));
  const run = await runCli(['--format', 'json', 'guides'], { cwd: dir });
  const entries = parseJsonOutput(run);
  for (const name of ['a.md', 'b.md']) {
    assert.ok(ruleIds(entry(entries, name)).includes('deal-reg-missing'), `${name}: ${ruleIds(entry(entries, name)).join(', ')}`);
    assert.equal(entry(entries, name).coveredElsewhere, undefined);
  }
});

test('--cache: a change to a linked page invalidates the linking document', async (t) => {
  const dir = tempDir(t);
  writeHandbook(dir);
  const lintReferrals = async () => {
    const run = await runCli(['--cache', '--debug', '--format', 'json', 'referrals.md', 'deal-registration.md'], { cwd: dir });
    return { run, ids: ruleIds(entry(parseJsonOutput(run), 'referrals.md')) };
  };
  const cold = await lintReferrals();
  assert.ok(!cold.ids.includes('deal-reg-missing'));
  const warm = await lintReferrals();
  assert.equal(debugCounts(warm.run).fromCache, 2, warm.run.stderr);
  assert.deepEqual(warm.ids, cold.ids);

  write(dir, 'deal-registration.md', UNRELATED_NOTE);
  const changed = await lintReferrals();
  assert.ok(changed.ids.includes('deal-reg-missing'), `the linked page no longer covers deal registration: ${changed.ids.join(', ')}`);
  assert.equal(debugCounts(changed.run).fromCache, 0, 'both files changed (one itself, the other through its link)');

  fs.rmSync(path.join(dir, 'deal-registration.md'));
  write(dir, 'deal-registration.md', DEAL_REGISTRATION);
  const restored = await lintReferrals();
  assert.ok(!restored.ids.includes('deal-reg-missing'));
});

test('worker threads receive the linked pages', async (t) => {
  const dir = tempDir(t);
  write(dir, 'deal-registration.md', DEAL_REGISTRATION);
  for (let i = 0; i < 24; i++) write(dir, `referrals-${String(i).padStart(2, '0')}.md`, REFERRAL_GUIDE.replace('Acme', `Acme ${i}`));
  const run = await runCli(['--debug', '--format', 'json', '.'], { cwd: dir, env: { PARTNERLINT_WORKERS: '2' } });
  assert.ok(debugCounts(run).inWorkers > 0, run.stderr);
  const entries = parseJsonOutput(run).filter((e) => path.basename(e.file).startsWith('referrals-'));
  assert.equal(entries.length, 24);
  for (const e of entries) assert.ok(!ruleIds(e).includes('deal-reg-missing'), `${e.file}: ${ruleIds(e).join(', ')}`);
});

test('a page linked by many documents is read once per run; links outside the allowed folders and self-links are not read', (t) => {
  const dir = tempDir(t);
  const policy = write(dir, 'handbook/deal-registration.md', DEAL_REGISTRATION);
  write(dir, 'secret.md', DEAL_REGISTRATION);
  const a = write(dir, 'handbook/a.md', REFERRAL_GUIDE);
  const b = write(dir, 'handbook/b.md', `${REFERRAL_GUIDE}\nSee [the policy](deal-registration.md), [this page](b.md) and [notes](../secret.md).\n`);
  const files = new LinkedFiles([path.join(dir, 'handbook')], path.join(dir, 'handbook'));
  const first = files.forDocument(a, REFERRAL_GUIDE);
  assert.deepEqual(first.linked.map(([href, doc]) => [href, doc.resolved]), [['./deal-registration.md', policy]]);
  assert.equal(first.linked[0][1].text, DEAL_REGISTRATION);
  fs.writeFileSync(policy, UNRELATED_NOTE);
  const second = files.forDocument(b, fs.readFileSync(b, 'utf8'));
  assert.deepEqual(second.linked.map(([href, doc]) => [href, doc.text]), [['./deal-registration.md', DEAL_REGISTRATION], ['deal-registration.md', DEAL_REGISTRATION]]);
  assert.notEqual(second.key, '');
  // The next run reads the page again, and its key changes with it.
  const next = new LinkedFiles([path.join(dir, 'handbook')], path.join(dir, 'handbook')).forDocument(a, REFERRAL_GUIDE);
  assert.equal(next.linked[0][1].text, UNRELATED_NOTE);
  assert.notEqual(next.key, first.key);
  assert.deepEqual(files.forDocument(a, '# No links\n'), { linked: [], key: '' });
});
