// Writes the project's sample study guide (demo/src/main/resources/sample/water-cycle.md, one "# Heading" per
// page) as a small text PDF (Helvetica, word-wrapped), so the browser test uploads the same document the demo does
// without building the demo jar.
import { readFileSync, writeFileSync } from 'node:fs';

const escape = (s) => s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function samplePages(markdown) {
  const body = markdown.replace(/<!--[\s\S]*?-->/g, '');
  return body
    .split(/^# /m)
    .slice(1)
    .map((section) => {
      const [heading, ...rest] = section.split('\n');
      const paragraphs = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      return { heading: heading.trim(), paragraphs };
    });
}

export function writePdf(pages, path) {
  const objects = [];
  const add = (content) => objects.push(content) && objects.length;
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids = [];
  pages.forEach((page, index) => {
    const ops = ['BT', '/F2 16 Tf', '56 780 Td', `(${escape(page.heading)}) Tj`, '/F1 11 Tf', '0 -28 Td', '15 TL'];
    for (const paragraph of page.paragraphs) {
      for (const line of wrap(paragraph, 88)) ops.push(`(${escape(line)}) Tj`, 'T*');
      ops.push('T*');
    }
    ops.push('ET', 'BT', '/F1 9 Tf', '290 30 Td', `(${index + 1}) Tj`, 'ET');
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 842] /Contents ${content} 0 R /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> >>`));
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(path, out, 'latin1');
}

export function writeSamplePdf(markdownPath, path) {
  writePdf(samplePages(readFileSync(markdownPath, 'utf8')), path);
}
