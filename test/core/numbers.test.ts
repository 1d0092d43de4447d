import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDurations, findPartnerCounts, findPercents, timeFrameMonths, wordToNumber } from '../../core/numbers.js';

test('percentages as people write them', () => {
  const p = (s: string) => findPercents(s).map((m) => [m.text, m.min, m.max]);
  assert.deepEqual(p('a 15% margin'), [['15%', 15, 15]]);
  assert.deepEqual(p('a 15 % margin'), [['15 %', 15, 15]]);
  assert.deepEqual(p('12-18% of ACV'), [['12-18%', 12, 18]]);
  assert.deepEqual(p('10% to 20%'), [['10% to 20%', 10, 20]]);
  assert.deepEqual(p('fifteen percent'), [['fifteen percent', 15, 15]]);
  assert.deepEqual(p('twenty-five per cent'), [['twenty-five per cent', 25, 25]]);
  assert.deepEqual(p('a commission rate of 0.15'), [['0.15', 15, 15]]);
  assert.deepEqual(p('version 0.15 and $15'), []);
});

test('decimal rates with the base they are a share of', () => {
  const p = (s: string) => findPercents(s).map((m) => [m.text, m.min]);
  assert.deepEqual(p('Referral fee: 0.2 of first-year ACV on every referred client'), [['0.2', 20]]);
  assert.deepEqual(p('we pay 0.15 of ACV'), [['0.15', 15]]);
  assert.deepEqual(p('Version 0.2 of the API'), []);
});

test('durations as people write them', () => {
  const d = (s: string) => findDurations(s).map((m) => [m.text, m.maxHours, m.business]);
  assert.deepEqual(d('within 48h'), [['48h', 48, false]]);
  assert.deepEqual(d('within 48 hours'), [['48 hours', 48, false]]);
  assert.deepEqual(d('2 business days'), [['2 business days', 48, true]]);
  assert.deepEqual(d('two days'), [['two days', 48, false]]);
  assert.deepEqual(d('a 90-day pilot'), [['90-day', 90 * 24, false]]);
  assert.deepEqual(d('6 months'), [['6 months', 180 * 24, false]]);
  assert.deepEqual(d('six months'), [['six months', 180 * 24, false]]);
  assert.deepEqual(d('a quarter'), [['a quarter', 91 * 24, false]]);
  assert.deepEqual(d('60-80 days').map((x) => x[1]), [80 * 24]);
  assert.deepEqual(d('within a fortnight'), [['a fortnight', 14 * 24, false]]);
  assert.deepEqual(d('DR SLA: 2 bd'), [['2 bd', 48, true]]);
  assert.deepEqual(d('3D printing'), []);
});

test('counts, words and time frames', () => {
  assert.equal(wordToNumber('forty-five'), 45);
  assert.deepEqual(findPartnerCounts('a pilot with six resellers in Japan').map((c) => [c.min, c.noun]), [[6, 'resellers']]);
  assert.deepEqual(findPartnerCounts('22 partner logos').map((c) => c.noun), ['partner logos']);
  // A label whose last word names partners, and a bare number: a count; a label about something else is not.
  assert.deepEqual(findPartnerCounts('Active MSPs (deal in last 2 qtrs): 55').map((c) => [c.max, c.noun]), [[55, 'active msps']]);
  assert.deepEqual(findPartnerCounts('Partner NPS: 45+').length, 0);
  assert.equal(timeFrameMonths('by month 30'), 30);
  assert.equal(timeFrameMonths('Month-24 goals'), 24);
  assert.equal(timeFrameMonths('within the first year'), 12);
  assert.equal(timeFrameMonths('in 18 months'), 18);
  assert.equal(timeFrameMonths('Targets for year 6'), 72);
  assert.equal(timeFrameMonths('by Q4 of year 1'), 12);
});

test('"a full year" is a year; "a full-day workshop", "twice a year" and "three times a quarter" are no durations', () => {
  assert.deepEqual(findDurations('protects the opportunity for a full year').map((d) => [d.text, d.maxHours]), [['a full year', 8760]]);
  assert.deepEqual(findDurations('a whole month of protection').map((d) => d.text), ['a whole month']);
  assert.deepEqual(findDurations('We start with a full-day workshop.'), []);
  assert.deepEqual(findDurations('The sponsor meets your leadership twice a year.'), []);
  assert.deepEqual(findDurations('We meet three times a quarter.'), []);
});
