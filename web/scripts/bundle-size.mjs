// Bundle sizes of web/dist: the initial JavaScript (the entry index.html loads and what it preloads) and every lazy
// chunk, raw and gzipped. Fails when the initial JavaScript is over the budget (250 KB gzipped).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const dist = new URL('../dist/', import.meta.url);

export function bundleSizes() {
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  const files = readdirSync(new URL('assets/', dist)).filter((f) => /\.(m?js|css)$/.test(f));
  const rows = files.map((f) => {
    const bytes = readFileSync(new URL(`assets/${f}`, dist));
    return { file: `assets/${f}`, bytes: bytes.length, gzip: gzipSync(bytes).length, initial: initial.has(`assets/${f}`) };
  });
  const initialGzip = rows.filter((r) => r.initial && r.file.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0);
  return { initialGzip, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { initialGzip, rows } = bundleSizes();
  for (const r of rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip)) {
    console.log(`${r.initial ? 'initial' : 'lazy   '}  ${r.file.padEnd(40)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KB  ${(r.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
  }
  console.log(`initial JavaScript: ${(initialGzip / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
  if (initialGzip > BUDGET) process.exit(1);
}
