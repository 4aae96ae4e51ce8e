import { describe, expect, it } from 'vitest';
import { locateSpan, splitText } from './highlight';

const page = 'The water cycle.\nEvaporation lifts water.  Rain returns it.\nEvaporation lifts water.';

function marked(items: string[], located: ReturnType<typeof locateSpan>): string {
  return (located?.segments ?? []).map((s) => items[s.item].slice(s.start, s.end)).join('|');
}

describe('locateSpan', () => {
  it('finds a quote split over text layer items with different spacing', () => {
    const items = ['The water cycle.', 'Evaporation lifts', ' water. Rain', 'returns it.', 'Evaporation lifts water.'];
    const start = page.indexOf('Rain');
    const located = locateSpan(items, page, start, start + 'Rain returns it.'.length);
    expect(located?.exact).toBe(true);
    expect(marked(items, located)).toBe('Rain|returns it.');
  });

  it('picks the occurrence the offsets point at when the quote repeats', () => {
    const items = ['The water cycle.', 'Evaporation lifts water.', 'Rain returns it.', 'Evaporation lifts water.'];
    const second = page.lastIndexOf('Evaporation');
    const located = locateSpan(items, page, second, second + 'Evaporation lifts water.'.length);
    expect(located?.segments).toEqual([{ item: 3, start: 0, end: 24 }]);
    const first = page.indexOf('Evaporation');
    expect(locateSpan(items, page, first, first + 24)?.segments).toEqual([{ item: 1, start: 0, end: 24 }]);
  });

  it('is case-insensitive and ignores line breaks inside the quote', () => {
    const items = ['THE WATER', 'CYCLE.'];
    const located = locateSpan(items, page, 0, 16);
    expect(marked(items, located)).toBe('THE WATER|CYCLE.');
  });

  it('falls back to the aligned region when the layer renders the words differently', () => {
    const items = ['The water cycle.', 'Evapora-', 'tion lifts water.', 'Rain returns it.', 'Evaporation lifts water.'];
    const start = page.indexOf('Evaporation');
    const located = locateSpan(items, page, start, start + 'Evaporation lifts water.'.length);
    expect(located?.exact).toBe(false);
    expect(located?.segments[0].item).toBe(1);
  });

  it('clamps offsets outside the page and refuses an empty span', () => {
    expect(locateSpan(['abc'], 'abc', 5, 9)).toBeNull();
    expect(locateSpan([], page, 0, 3)).toBeNull();
    expect(marked(['abc'], locateSpan(['abc'], 'abc', -4, 2))).toBe('ab');
  });
});

describe('splitText', () => {
  it('cuts the page at the offsets', () => {
    expect(splitText('abcdef', 2, 4)).toEqual(['ab', 'cd', 'ef']);
    expect(splitText('abc', 2, 99)).toEqual(['ab', 'c', '']);
  });
});
