/**
 * The archetypes a document is read as, through the command line's JSON output: what the program
 * is, not every kind of partner its text happens to name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli } from './helpers.js';

async function archetypesOf(markdown: string): Promise<string[]> {
  const run = await runCli(['--stdin', '--format', 'json'], { input: `---\ntype: partnership-plan\n---\n${markdown}` });
  assert.notEqual(run.code, 2, run.stderr);
  return [...parseJsonOutput(run)[0].archetypes].sort();
}

test('a deal-registration or MDF policy that names no kind of partner is about resellers', async () => {
  assert.deepEqual(
    await archetypesOf('# Deal Registration Policy\n\nPartners register a new opportunity in the portal. We approve or decline it within two business days.\n'),
    ['reseller'],
  );
  assert.deepEqual(await archetypesOf('# MDF and Co-op Funds Policy\n\nPartners may claim funds for approved events within 60 days.\n'), ['reseller']);
  // A page about something else gets no archetype from nowhere.
  assert.deepEqual(await archetypesOf('# Creator program\n\nCreators share a link and earn 10% of the first order.\n'), []);
});

test('a question in an FAQ does not make the program what it asks about', async () => {
  const page = '# Become a referral partner\n\nReferral partners introduce clients and earn a referral fee of 10% of first-year revenue.\n\n## FAQ\n\n';
  assert.deepEqual(await archetypesOf(`${page}**Q: Can I resell our product?**\n\nNo. The program pays for introductions only.\n`), ['referral']);
  // The same words as a statement do.
  assert.deepEqual(await archetypesOf(`${page}Agencies can also resell our product at a 20% discount.\n`), ['referral', 'reseller']);
});

test('a kind of partner put outside this program, or named inside a proper name, is not one of its archetypes', async () => {
  const plan = '# FY27 VAR program\n\nValue-added resellers buy at a 25% discount and resell to manufacturers.\n\n';
  assert.deepEqual(await archetypesOf(`${plan}Integrations with ISVs stay with the product team and are not part of this program.\n`), ['reseller']);
  assert.deepEqual(await archetypesOf(`${plan}We recruit from the Manufacturing Technology Alliance member list.\n`), ['reseller']);
  assert.deepEqual(await archetypesOf(`${plan}We also sign ISVs that build integrations with us.\n`), ['reseller', 'technology']);
});
