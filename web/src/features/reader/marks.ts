import type { Segment } from '../../lib/highlight';

/** Wraps each segment of a text layer span in <mark>, leaving the rest of the span's text as it was. */
export function markSegments(spans: HTMLElement[], items: string[], segments: Segment[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const byItem = new Map<number, Segment[]>();
  segments.forEach((s) => byItem.set(s.item, [...(byItem.get(s.item) ?? []), s]));
  byItem.forEach((parts, item) => {
    const span = spans[item];
    const text = items[item];
    if (!span || text === undefined) return;
    const nodes: (string | HTMLElement)[] = [];
    let at = 0;
    parts
      .sort((a, b) => a.start - b.start)
      .forEach((part) => {
        if (part.start > at) nodes.push(text.slice(at, part.start));
        const mark = document.createElement('mark');
        mark.textContent = text.slice(part.start, part.end);
        marks.push(mark);
        nodes.push(mark);
        at = part.end;
      });
    if (at < text.length) nodes.push(text.slice(at));
    span.replaceChildren(...nodes);
  });
  return marks;
}
