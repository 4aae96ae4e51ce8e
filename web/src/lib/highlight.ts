// Maps a citation's span of the stored page text (startOffset/endOffset into GET /documents/{id}/pages/{n}, as
// PDFBox extracted it) onto pdf.js' text layer, whose items split and space the same words differently (line
// breaks, runs of spaces, item boundaries). Both texts are compared without whitespace: the quote is looked up in
// the text layer's characters, and when it occurs more than once the occurrence nearest to where startOffset lies
// in the page wins (one far from it is the same words elsewhere). A quote that pdf.js renders differently (ligatures, hyphenation) still gets the aligned region.

export interface Segment {
  item: number; // index into the text layer's items (pdf.js textContentItemsStr / textDivs)
  start: number; // character offsets within that item's string
  end: number;
}

export interface Located {
  segments: Segment[];
  exact: boolean; // the quote was found as such (false: aligned by position only)
}

interface Compact {
  chars: string;
  item: number[];
  offset: number[];
}

function compactItems(items: string[]): Compact {
  let chars = '';
  const item: number[] = [];
  const offset: number[] = [];
  items.forEach((text, i) => {
    for (let j = 0; j < text.length; j++) {
      const c = text[j];
      if (/\s/.test(c)) continue;
      chars += c.toLowerCase();
      item.push(i);
      offset.push(j);
    }
  });
  return { chars, item, offset };
}

function compactText(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** Whitespace-free index in `pageText` of its character `offset`. */
function compactIndexOf(pageText: string, offset: number): number {
  return compactText(pageText.slice(0, Math.max(0, offset))).length;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function segmentsOf(layer: Compact, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  for (let k = from; k < to; k++) {
    const item = layer.item[k];
    const offset = layer.offset[k];
    const last = segments[segments.length - 1];
    if (last && last.item === item) last.end = offset + 1;
    else segments.push({ item, start: offset, end: offset + 1 });
  }
  return segments;
}

export function locateSpan(items: string[], pageText: string, startOffset: number, endOffset: number): Located | null {
  const start = Math.max(0, Math.min(startOffset, pageText.length));
  const end = Math.max(start, Math.min(endOffset, pageText.length));
  if (end === start) return null;
  const layer = compactItems(items);
  if (!layer.chars) return null;
  const quote = compactText(pageText.slice(start, end));
  const total = compactText(pageText).length || 1;
  const scale = layer.chars.length / total;
  const expectedAt = compactIndexOf(pageText, start);
  const hits = occurrences(layer.chars, quote);
  if (hits.length > 0) {
    const best = hits.reduce((a, b) => (Math.abs(b - expectedAt) < Math.abs(a - expectedAt) ? b : a));
    // The two extractions differ by a few characters at most: a hit far from the offsets is the same words elsewhere.
    if (Math.abs(best - expectedAt * scale) <= quote.length + layer.chars.length * 0.05) {
      return { segments: segmentsOf(layer, best, best + quote.length), exact: true };
    }
  }
  // Not found verbatim where expected: the same region by position, scaled to the layer's length.
  const from = Math.min(layer.chars.length - 1, Math.floor(expectedAt * scale));
  const to = Math.min(layer.chars.length, Math.max(from + 1, Math.ceil((expectedAt + quote.length) * scale)));
  return { segments: segmentsOf(layer, from, to), exact: false };
}

/** The same span in plain page text (the reader's text view): before, quote, after. */
export function splitText(pageText: string, startOffset: number, endOffset: number): [string, string, string] {
  const start = Math.max(0, Math.min(startOffset, pageText.length));
  const end = Math.max(start, Math.min(endOffset, pageText.length));
  return [pageText.slice(0, start), pageText.slice(start, end), pageText.slice(end)];
}
