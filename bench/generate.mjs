// Generates realistic partner-program plans for the benchmarks.
//
// A plan is assembled from varied sections: context prose with percentages and
// durations, readiness evidence, a tier table, margins, deal registration,
// MDF, payouts, recruiting criteria, enablement, a metrics table, exit
// criteria, and then per-region appendices (partner roster tables, regional
// deal-registration notes, tier adjustments, open items with nested lists,
// the odd code block or quote) until the requested size is reached.
//
// Output is deterministic for a given (size, seed).
//
//   node bench/generate.mjs <dir>           writes plan-20k.md ... plan-5m.md and corpus/ (1,000 x ~8 KB)
//   import { generatePlan, writeInputs } from './generate.mjs'

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KB = 1024;
export const MB = 1024 * 1024;

/** The sized documents of the benchmark: name -> bytes (UTF-8). */
export const SIZES = [
  { name: '20 KB', file: 'plan-20k.md', bytes: 20 * KB },
  { name: '200 KB', file: 'plan-200k.md', bytes: 200 * KB },
  { name: '1 MB', file: 'plan-1m.md', bytes: 1 * MB },
  { name: '5 MB', file: 'plan-5m.md', bytes: 5 * MB },
];

export const CORPUS = { dir: 'corpus', count: 1000, bytes: 8 * KB };

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  ['Quillstone', 'contract analytics'],
  ['Tidewater Analytics', 'revenue forecasting'],
  ['Ironbark Security', 'endpoint security monitoring'],
  ['Northwind Ledger', 'accounts-payable automation'],
  ['Brightfold', 'field-service scheduling'],
  ['Kestrel Payroll', 'payroll and benefits'],
  ['Oakhollow Backup', 'Microsoft 365 and Google Workspace backup'],
  ['Saltmarsh CRM', 'CRM for property managers'],
  ['Verdigris Data', 'data-quality monitoring'],
  ['Hollybrook Health', 'clinic scheduling'],
];
const PEOPLE = [
  'Amara Okafor', 'Jonas Lindqvist', 'Priya Raman', 'Mateo Alvarez', 'Chloé Martin', 'Tomasz Wróbel',
  'Hannah Becker', 'Kenji Watanabe', 'Sofia Rossi', 'Liam O’Connor', 'Aisha Bello', 'Ravi Menon',
  'Ingrid Haugen', 'Diego Fernández', 'Mei Lin', 'Noah Fischer', 'Zanele Dlamini', 'Lucas Moreau',
];
const REGIONS = [
  ['UK and Ireland', '£', ['United Kingdom', 'Ireland']],
  ['DACH', '€', ['Germany', 'Austria', 'Switzerland']],
  ['Nordics', '€', ['Sweden', 'Norway', 'Denmark', 'Finland']],
  ['Benelux', '€', ['Netherlands', 'Belgium', 'Luxembourg']],
  ['France', '€', ['France']],
  ['Iberia', '€', ['Spain', 'Portugal']],
  ['Italy', '€', ['Italy']],
  ['Poland and the Baltics', '€', ['Poland', 'Lithuania', 'Latvia', 'Estonia']],
  ['US East', '$', ['New York', 'Massachusetts', 'Georgia', 'Florida']],
  ['US Central', '$', ['Illinois', 'Texas', 'Colorado', 'Minnesota']],
  ['US West', '$', ['California', 'Washington', 'Oregon', 'Arizona']],
  ['Canada', 'C$', ['Ontario', 'Quebec', 'British Columbia']],
  ['Brazil', 'R$', ['São Paulo', 'Rio de Janeiro', 'Minas Gerais']],
  ['Mexico', '$', ['Mexico City', 'Jalisco', 'Nuevo León']],
  ['Australia and New Zealand', 'A$', ['New South Wales', 'Victoria', 'Auckland']],
  ['Japan', '¥', ['Tokyo', 'Osaka', 'Fukuoka']],
  ['Singapore and Malaysia', 'S$', ['Singapore', 'Kuala Lumpur', 'Penang']],
  ['India', '₹', ['Bengaluru', 'Mumbai', 'Pune', 'Hyderabad']],
  ['Gulf states', '$', ['United Arab Emirates', 'Saudi Arabia', 'Qatar']],
  ['South Africa', 'R', ['Gauteng', 'Western Cape', 'KwaZulu-Natal']],
];
const PARTNER_A = ['Apex', 'Bluefin', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Granite', 'Helix', 'Indigo', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nimbus', 'Orchid', 'Pinnacle', 'Quartz', 'Riverbend', 'Summit', 'Tangent', 'Umber', 'Vantage', 'Willow', 'Yarrow', 'Zenith'];
const PARTNER_B = ['IT', 'Managed Services', 'Consulting', 'Systems', 'Cloud', 'Networks', 'Solutions', 'Group', 'Digital', 'Partners', 'Technologies', 'Advisory'];
const TIER_SETS = [
  ['Registered', 'Silver', 'Gold'],
  ['Select', 'Advanced', 'Premier'],
  ['Member', 'Certified', 'Elite'],
  ['Authorized', 'Preferred', 'Strategic'],
];
const NUM_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

class Writer {
  constructor(seed) {
    this.rand = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }
  chance(p) {
    return this.rand() < p;
  }
  partner() {
    return `${this.pick(PARTNER_A)} ${this.pick(PARTNER_B)}`;
  }
  person() {
    return this.pick(PEOPLE);
  }
  /** A span of time for plans, targets and sales cycles. */
  duration() {
    return this.pick([
      `${this.int(3, 12)} weeks`,
      `${this.int(45, 180)} days`,
      `${this.int(3, 18)} months`,
      'a quarter',
      'two quarters',
      `${this.pick(NUM_WORDS.slice(2))} months`,
    ]);
  }
  /** A turnaround: hours or business days. */
  turnaround() {
    return this.pick([`${this.int(2, 5)} business days`, `${this.pick([24, 48, 72])} hours`, 'one business day', 'two business days']);
  }
  money(cur) {
    return `${cur}${this.int(5, 480)}k`;
  }
}

// ---------------------------------------------------------------- core sections

function frontMatter(w, company, withType) {
  const stage = w.pick(['stabilize', 'scale', 'scale', 'maturity']);
  const lines = ['---', `title: ${company} partner program plan FY${w.int(25, 27)}`, `owner: ${w.person()}`, `stage: ${stage}`];
  if (withType) lines.push('type: partnership-plan');
  lines.push(`archetypes: [${w.pick(['reseller', 'reseller, referral', 'referral, technology', 'reseller, technology'])}]`);
  lines.push(`reviewed: 20${w.int(24, 26)}-0${w.int(1, 9)}-1${w.int(0, 9)}`, '---', '');
  return lines.join('\n');
}

function title(w, company, product) {
  const owner = w.person();
  return [
    `# ${company}: ${w.pick(['Channel and Partner Program Plan', 'Partner Program Plan', 'Reseller and Referral Program, Year 3'])}`,
    '',
    `**Owner:** ${owner}, ${w.pick(['VP of Partnerships', 'Director of Channel Sales', 'Head of Partner Programs'])} (full-time, reports to the CRO)`,
    `**Stage:** Phase ${w.int(2, 3)}, ${w.pick(['stabilize', 'scale'])}`,
    `**Product:** ${product}`,
    '',
  ].join('\n');
}

function context(w, company, product) {
  const share = w.int(8, 22);
  const target = share + w.int(4, 15);
  return [
    '## Context',
    '',
    `${company} sells ${product} to mid-market companies, and a growing share of it is sold by resellers and managed service providers who bundle it with their own services. ` +
      `Partner-sourced deals were ${share}% of new ARR last year, up from ${w.int(2, share - 1)}% the year before; we want the channel at ${target}% of revenue by month ${w.pick([24, 36, 48])}. ` +
      `Our direct sales cycle runs about ${w.duration()}, and partner-led deals close in roughly ${w.duration()}.`,
    '',
    `The partner program started with a ${w.int(90, 180)}-day pilot with ${w.int(5, 10)} partners in ${w.pick(REGIONS)[0]}. ` +
      `Since then we signed ${w.int(30, 140)} partners across ${w.int(4, 12)} countries, of which ${w.int(40, 75)}% closed at least one deal in the last two quarters. ` +
      `Churn among partner-sold customers is ${w.int(4, 11)}% a year against ${w.int(6, 14)}% for direct customers, and average contract value is ${w.money('$')} for resellers.`,
    '',
  ].join('\n');
}

function readiness(w) {
  return [
    '## Readiness',
    '',
    `- **Product:** a partner can onboard a new customer in about ${w.int(20, 90)} minutes without help from us; implementation is bounded at ${w.int(2, 10)} days and the API docs are public.`,
    `- **Sales motion:** ICP is companies with ${w.int(50, 200)}-${w.int(500, 2000)} employees in regulated industries. Pricing is per seat (${w.money('$')} list per year for 100 seats), and the sales cycle is about ${w.duration()}.`,
    `- **Differentiation:** partners lead with us because one console covers every client, so they stop juggling ${w.pick(NUM_WORDS)} separate tools.`,
    `- **Margin:** gross margin is ${w.int(72, 86)}%, which leaves room to pay partners 10-30% and keep our unit economics.`,
    `- **Direct sales:** our ${w.pick(NUM_WORDS.slice(1))} direct reps receive overlay credit on partner-led deals, so a partner win never costs them anything.`,
    '',
  ].join('\n');
}

function tiers(w, tierNames) {
  const rows = tierNames.map((t, i) => {
    const reps = [1, 2, 4, 6][i];
    const deals = [0, w.int(3, 6), w.int(10, 20), w.int(25, 40)][i];
    const margin = [w.int(12, 16), w.int(17, 22), w.int(23, 28), w.int(26, 34)][i];
    return `| ${t} | ${reps} certified ${reps === 1 ? 'rep' : 'reps'}${deals ? `; ${deals} closed deals a year` : ''} | ${margin}% margin; ${['portal access and training', 'co-branded materials and MDF eligibility', 'a partner account manager and lead sharing', 'joint planning and early roadmap access'][i]} |`;
  });
  return [
    '## Partner tiers',
    '',
    '| Tier | Entry criteria | Benefits |',
    '|---|---|---|',
    ...rows,
    '',
    `Partners are reviewed every ${w.pick(['quarter', 'six months', 'year'])}; a partner that misses its tier's criteria for two reviews in a row moves down one tier.`,
    '',
  ].join('\n');
}

function margins(w) {
  return [
    '## Margins and responsibilities',
    '',
    `Resellers buy at a ${w.int(15, 30)}% discount off list and set their own resale price. Referral partners earn ${w.int(10, 15)}% of first-year ACV on every referred customer that signs within ${w.int(90, 180)} days of the referral.`,
    '',
    `In return, resellers source and close deals, implement the product for their clients, and answer first-line support questions; referral partners introduce qualified accounts and join the first discovery call.`,
    '',
  ].join('\n');
}

function dealRegistration(w) {
  return [
    '## Deal registration',
    '',
    `- Partners register an opportunity in the partner portal: account name, seats, expected close date, competing vendor and the partner rep who owns it.`,
    `- We approve or reject every registration within ${w.pick(['48 hours', '2 business days', 'one business day', '24 hours'])}.`,
    `- An approved registration holds for ${w.pick([90, 120, 150, 180])} days and can be extended once by ${w.int(30, 60)} days when the deal is still active.`,
    `- Two partners registering the same account: the earlier approved registration stands, unless the customer tells us in writing it has chosen the other partner.`,
    `- Registered accounts are hands-off for direct reps; a direct rep who finds one in the CRM hands it to the partner manager.`,
    '',
  ].join('\n');
}

function mdf(w, tierNames) {
  return [
    '## Market development funds',
    '',
    `${tierNames[1]} and higher partners can claim MDF worth ${w.int(2, 5)}% of the partner-generated revenue they brought in over the previous two quarters. A campaign plan must be approved before anything is spent, and claims are reimbursed against invoices and proof of execution within ${w.int(15, 45)} days.`,
    '',
  ].join('\n');
}

function payouts(w) {
  return [
    '## Commission payouts',
    '',
    `Commissions and rebates are reconciled ${w.pick(['monthly', 'every month', 'quarterly'])} and paid by bank transfer within ${w.int(15, 45)} days of month end; every partner sees a statement of the deals counted in the portal.`,
    '',
  ].join('\n');
}

function recruiting(w) {
  return [
    '## Recruiting',
    '',
    `We will recruit ${w.int(20, 45)} new partners this year from regional MSP peer groups, marketplace listings and customer introductions. We sign a partner when it:`,
    '',
    `- serves at least ${w.int(15, 60)} clients that match our ICP today;`,
    '- names a salesperson who will carry the product and explains how that person is paid on it;',
    `- tells us its usual sales cycle and average contract value (ACV) for comparable services; and`,
    '- has worked with at least one other software vendor as a partner before.',
    '',
  ].join('\n');
}

function enablement(w) {
  return [
    '## Enablement',
    '',
    `- Technical certification course (${w.pick(NUM_WORDS)} hours, self-paced), with a proctored exam.`,
    '- Sales playbook: pricing calculator, objection handling, discovery questions and a client pitch deck.',
    `- A ${w.pick([60, 90])}-day joint go-to-market plan with every new partner, agreed at a kickoff call with its named salesperson.`,
    '',
  ].join('\n');
}

function metrics(w) {
  return [
    '## Success metrics',
    '',
    '| Metric | Target | Review |',
    '|---|---|---|',
    `| Channel share of revenue | ${w.int(15, 35)}% by month ${w.pick([24, 36])} | quarterly |`,
    `| Partner activation rate (first deal within ${w.int(90, 180)} days) | ${w.int(40, 70)}% | quarterly |`,
    `| Partner-sourced pipeline | ${w.money('$')} per quarter | monthly |`,
    `| Partner satisfaction | ${w.int(7, 9)}/10 | twice a year |`,
    '',
  ].join('\n');
}

function exitCriteria(w) {
  return [
    '## Exit criteria',
    '',
    `- A partner with no closed deal in ${w.int(9, 18)} months gets a review call; after ${w.int(18, 24)} months without one its agreement is not renewed.`,
    `- Should partner-sold revenue stay below ${w.int(8, 15)}% of total revenue by month ${w.pick([24, 36])}, the channel model is redesigned before we invest further.`,
    '',
  ].join('\n');
}

function conflictPolicy(w) {
  return [
    '## Conflict policy',
    '',
    `Named accounts above ${w.int(500, 2000)} employees stay with direct sales; everything else in a partner's territory goes to partners first. ` +
      `Disputes go to the partner manager, then to the VP of Sales and the VP of Partnerships, who decide within ${w.int(3, 10)} business days.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- appendices

function regionAppendix(w, index, tierNames) {
  const [region, cur, places] = REGIONS[index % REGIONS.length];
  const round = Math.floor(index / REGIONS.length) + 1;
  const label = round > 1 ? `${region}, territory ${round}` : region;
  const manager = w.person();
  const out = [];
  out.push(`## Appendix ${index + 1}: ${label}`, '');
  out.push(
    `${manager} manages ${w.int(6, 40)} partners in ${label}. Partner-sourced revenue here was ${w.int(5, 40)}% of regional bookings last year, ` +
      `and the regional plan aims for ${w.int(10, 45)}% within ${w.duration()}. Typical partner deals take ${w.duration()} from registration to signature, ` +
      `with an average discount of ${w.int(15, 30)}% off list.`,
    '',
  );
  const rows = w.int(6, 14);
  out.push(`### Partner roster, ${label}`, '');
  out.push('| Partner | Tier | Location | Certified reps | Registered deals (90 days) | Pipeline |', '|---|---|---|---:|---:|---:|');
  for (let i = 0; i < rows; i++) {
    out.push(`| ${w.partner()} | ${w.pick(tierNames)} | ${w.pick(places)} | ${w.int(0, 12)} | ${w.int(0, 30)} | ${w.money(cur)} |`);
  }
  out.push('');
  out.push(`### Deal registration notes, ${label}`, '');
  const notes = [
    () => `Registrations from ${w.pick(places)} are approved within ${w.turnaround()} by the regional partner manager.`,
    () => `Local public-sector deals hold for ${w.pick([120, 150, 180])} days because tenders run longer than ${w.duration()}.`,
    () => `When a reseller and a referral partner register the same account, the reseller keeps the deal and the referral partner earns ${w.int(5, 10)}% of first-year ACV.`,
    () => `Partners must update the expected close date at least every ${w.int(30, 60)} days or the registration lapses.`,
    () => `**Exception:** renewals registered by ${w.partner()} stay with them for ${w.duration()} after the original contract ends.`,
    () => `Direct reps in ${w.pick(places)} receive ${w.int(25, 50)}% overlay credit on partner-led deals over ${w.money(cur)}.`,
  ];
  const n = w.int(3, 6);
  for (let i = 0; i < n; i++) out.push(`- ${w.pick(notes)()}`);
  out.push('');
  if (w.chance(0.5)) {
    out.push(`### Tier thresholds, ${label}`, '');
    out.push('| Tier | Annual bookings | Margin | MDF |', '|---|---:|---:|---:|');
    for (const t of tierNames) out.push(`| ${t} | ${w.money(cur)} | ${w.int(12, 32)}% | ${w.int(0, 5)}% |`);
    out.push('');
  }
  out.push(`### Open items, ${label}`, '');
  const items = w.int(2, 5);
  for (let i = 0; i < items; i++) {
    out.push(
      `${i + 1}. ${w.pick([
        `Agree a joint plan with ${w.partner()} for the next ${w.duration()}`,
        `Review the ${w.pick(tierNames)} threshold in ${w.pick(places)}, where ${w.int(20, 60)}% of partners sit below it`,
        `Translate the sales playbook for partners in ${w.pick(places)}`,
        `Check that MDF claims from ${w.partner()} match the approved campaign plan`,
        `Move ${w.int(2, 9)} dormant partners to the review list after ${w.duration()} without a registered deal`,
      ])}.`,
    );
    if (w.chance(0.5)) {
      out.push(`   - Owner: ${w.person()}; due in ${w.duration()}.`);
      out.push(`   - See the [regional dashboard](https://partners.example.com/regions/${index + 1}) and the \`${w.pick(['region_id', 'tier_code', 'deal_stage'])}\` field.`);
    }
  }
  out.push('');
  if (w.chance(0.15)) {
    out.push('Registration form fields used in this region:', '', '```yaml', 'account: string', 'seats: integer', `close_date: date  # within ${w.int(90, 180)} days`, `region: ${region}`, '```', '');
  }
  if (w.chance(0.15)) {
    out.push(`> "The ${w.int(48, 72)}-hour approval made it easy to bring deals to you." (${w.partner()}, ${w.pick(places)})`, '');
  }
  return out.join('\n');
}

/**
 * A plan of at most `bytes` UTF-8 bytes (and close to it).
 * `withType`: whether the front matter says `type: partnership-plan` (otherwise the content has to be recognised).
 */
export function generatePlan(bytes, seed = 1, { withType = false } = {}) {
  const w = new Writer(seed);
  const [company, product] = COMPANIES[seed % COMPANIES.length];
  const tierNames = w.pick(TIER_SETS).slice(0, w.int(3, 4));
  const head = frontMatter(w, company, withType) + '\n' + title(w, company, product);
  const core = [
    () => context(w, company, product),
    () => readiness(w),
    () => tiers(w, tierNames),
    () => margins(w),
    () => dealRegistration(w),
    () => conflictPolicy(w),
    () => mdf(w, tierNames),
    () => payouts(w),
    () => recruiting(w),
    () => enablement(w),
    () => metrics(w),
    () => exitCriteria(w),
  ];
  let text = head;
  let size = Buffer.byteLength(text);
  const add = (block) => {
    const b = Buffer.byteLength(block) + 1;
    if (size + b > bytes) return false;
    text += '\n' + block;
    size += b;
    return true;
  };
  for (const section of core) {
    // Small documents keep the sections that fit, in order.
    add(section().trimEnd() + '\n');
  }
  for (let i = 0; ; i++) {
    const block = regionAppendix(w, i, tierNames).trimEnd() + '\n';
    if (!add(block)) {
      // Fill the remainder with the appendix's paragraphs that fit (a heading only with what follows it).
      const paras = block.split('\n\n');
      for (let p = 0; p < paras.length; p++) {
        if (/^#/.test(paras[p]) && p + 1 < paras.length) {
          if (add(`${paras[p]}\n\n${paras[p + 1].trimEnd()}\n`)) p++;
        } else add(paras[p].trimEnd() + '\n');
      }
      break;
    }
  }
  return text;
}

/** Writes the sized plans and the corpus into `dir`; returns their paths. */
export function writeInputs(dir, { sizes = SIZES, corpus = CORPUS, seed = 42 } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const files = {};
  sizes.forEach((s, i) => {
    const file = path.join(dir, s.file);
    fs.writeFileSync(file, generatePlan(s.bytes, seed + i));
    files[s.name] = file;
  });
  let corpusDir = null;
  if (corpus) {
    corpusDir = path.join(dir, corpus.dir);
    for (let i = 0; i < corpus.count; i++) {
      const sub = path.join(corpusDir, `team-${String(Math.floor(i / 100)).padStart(2, '0')}`);
      if (i % 100 === 0) fs.mkdirSync(sub, { recursive: true });
      const bytes = corpus.bytes - 512 + ((i * 37) % 1024); // about 8 KB: 7.5-8.5 KB
      fs.writeFileSync(path.join(sub, `plan-${String(i).padStart(4, '0')}.md`), generatePlan(bytes, 1000 + i, { withType: i % 2 === 0 }));
    }
  }
  return { files, corpusDir };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('Usage: node bench/generate.mjs <output-dir>\n');
    process.exit(2);
  }
  const { files, corpusDir } = writeInputs(path.resolve(dir));
  for (const [name, file] of Object.entries(files)) process.stdout.write(`${name}\t${fs.statSync(file).size} bytes\t${file}\n`);
  process.stdout.write(`corpus\t${CORPUS.count} files\t${corpusDir}\n`);
}
