import { describe, expect, it } from 'vitest';
import { answerWords, formatInterval, suggestRating } from './intervals';

const now = Date.parse('2026-12-07T10:00:00Z');
const after = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('formatInterval', () => {
  it('shows learning steps in minutes', () => {
    expect(formatInterval(after(1 * MIN), now)).toBe('1 min');
    expect(formatInterval(after(5.5 * MIN), now)).toBe('6 min');
    expect(formatInterval(after(10 * MIN), now)).toBe('10 min');
    expect(formatInterval(after(40_000), now)).toBe('1 min');
  });

  it('shows hours under a day', () => {
    expect(formatInterval(after(60 * MIN), now)).toBe('1 h');
    expect(formatInterval(after(23 * 60 * MIN), now)).toBe('23 h');
  });

  it('shows whole days under a month, then months and years with one decimal', () => {
    expect(formatInterval(after(1 * DAY), now)).toBe('1 d');
    expect(formatInterval(after(11 * DAY), now)).toBe('11 d');
    expect(formatInterval(after(46 * DAY), now)).toBe('1.5 mo');
    expect(formatInterval(after(163 * DAY), now)).toBe('5.4 mo');
    expect(formatInterval(after(498 * DAY), now)).toBe('1.4 y');
    expect(formatInterval(after(4000 * DAY), now)).toBe('11 y');
  });

  it('says now for a due time passed or within the clock skew, and a dash for garbage', () => {
    expect(formatInterval(after(-5 * MIN), now)).toBe('now');
    expect(formatInterval(after(10_000), now)).toBe('now');
    expect(formatInterval('not a time', now)).toBe('–');
  });
});

describe('suggestRating', () => {
  it('ignores case, accents, punctuation and articles', () => {
    expect(answerWords('The  Évaporation, of  an ocean!')).toEqual(['evaporation', 'of', 'ocean']);
    expect(suggestRating('evaporation', 'Evaporation.')).toBe('good');
    expect(suggestRating('the Water Cycle', 'water cycle')).toBe('good');
  });

  it('wants every word of the key, in any order, and says again otherwise', () => {
    expect(suggestRating('about nine days', 'nine days')).toBe('good');
    expect(suggestRating('days nine', 'nine days')).toBe('good');
    expect(suggestRating('nine weeks', 'nine days')).toBe('again');
    expect(suggestRating('condensation', 'evaporation')).toBe('again');
  });

  it('suggests nothing for an empty answer', () => {
    expect(suggestRating('   ', 'evaporation')).toBeNull();
    expect(suggestRating('?!', 'evaporation')).toBeNull();
  });

  it('reads a single letter as the option of a choice card', () => {
    const options = ['Condensation', 'Evaporation', 'Runoff'];
    expect(suggestRating('b', 'Evaporation', options)).toBe('good');
    expect(suggestRating('B)', 'Evaporation', options)).toBe('good');
    expect(suggestRating('a', 'Evaporation', options)).toBe('again');
    expect(suggestRating('z', 'Evaporation', options)).toBe('again');
    expect(suggestRating('evaporation', 'Evaporation', options)).toBe('good');
  });
});
