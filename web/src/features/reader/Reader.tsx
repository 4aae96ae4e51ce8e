import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { fetchBytes } from '../../lib/api';
import { locateSpan, splitText } from '../../lib/highlight';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { getDocument, pageText } from '../library/api';
import { markSegments } from './marks';
import { openPdf, renderPage } from './pdf';
import './reader.css';

export function Reader() {
  const { params } = useRoute();
  const { url, route } = useLocation();
  const query = new URLSearchParams(url.split('?')[1] ?? '');
  const documentId = params.documentId;
  const pageNumber = Math.max(1, Number(query.get('page')) || 1);
  const start = query.get('start');
  const end = query.get('end');
  const span = start !== null && end !== null ? { start: Number(start), end: Number(end) } : null;

  const meta = useLoad(() => getDocument(documentId), [documentId]);
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [error, setError] = useState<unknown>();
  const [quote, setQuote] = useState<[string, string, string] | null>(null);
  const [highlighted, setHighlighted] = useState<'none' | 'exact' | 'near'>('none');
  // How the page's stored text was obtained: an OCR'd page under the confidence threshold may be misread.
  const pageInfo = useLoad(() => (meta.data?.ocrPages ? pageText(documentId, pageNumber) : Promise.resolve(null)), [documentId, pageNumber, meta.data?.ocrPages]);
  const pageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    setPdf(undefined);
    fetchBytes(`/api/v1/documents/${documentId}/file`)
      .then(openPdf)
      .then((doc) => !cancelled && setPdf(doc), (e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [documentId]);

  useEffect(() => {
    if (!pdf || !pageRef.current) return;
    let cancelled = false;
    setHighlighted('none');
    const container = pageRef.current;
    const width = Math.min(container.parentElement?.clientWidth ?? 800, 900);
    (async () => {
      const rendered = await renderPage(pdf, Math.min(pageNumber, pdf.numPages), container, width);
      if (cancelled || !span) return;
      const { text } = await pageText(documentId, pageNumber);
      if (cancelled) return;
      setQuote(splitText(text, span.start, span.end));
      const located = locateSpan(rendered.items, text, span.start, span.end);
      if (!located) return;
      const marks = markSegments(rendered.spans, rendered.items, located.segments);
      setHighlighted(located.exact ? 'exact' : 'near');
      marks[0]?.scrollIntoView({ block: 'center' });
    })().catch((e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [pdf, pageNumber, start, end]);

  const total = pdf?.numPages ?? meta.data?.pageCount ?? 1;
  const go = (n: number) => {
    const next = Math.max(1, Math.min(total, n));
    route(`/reader/${documentId}?page=${next}`);
  };

  return (
    <Page title={meta.data?.title ?? 'Reader'}>
      <nav class="pager" aria-label="Pages">
        <button type="button" onClick={() => go(pageNumber - 1)} disabled={pageNumber <= 1}>
          Previous page
        </button>
        <label>
          Page
          <input
            type="number"
            min={1}
            max={total}
            value={pageNumber}
            onChange={(e) => go(Number(e.currentTarget.value))}
          />{' '}
          <span id="page-indicator" data-page={pageNumber}>
            of {total}
          </span>
        </label>
        <button type="button" onClick={() => go(pageNumber + 1)} disabled={pageNumber >= total}>
          Next page
        </button>
      </nav>
      {quote && (
        <blockquote class="quoted" aria-label="The cited passage">
          {quote[1]}
          <footer>
            page {pageNumber}
            {highlighted === 'near' ? ' — highlighted approximately on the page below' : ''}
          </footer>
        </blockquote>
      )}
      {pageInfo.data?.lowConfidence && (
        <p class="notice" role="note" id="low-confidence">
          This page was read from a scan; the text may contain errors.
        </p>
      )}
      <ErrorLine error={error ?? meta.error} />
      {!pdf && !error && <p role="status">Loading the PDF…</p>}
      <div class="pdf-frame">
        <div class="pdf-page" ref={pageRef} role="region" aria-label={`Page ${pageNumber}`} data-highlighted={highlighted} />
      </div>
    </Page>
  );
}
