// pdf.js, loaded only with the reader chunk. The worker is bundled as a file of this origin (the CSP allows
// workers from 'self' only) and eval is off (the CSP forbids it).
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export function openPdf(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data, isEvalSupported: false }).promise;
}

export interface RenderedPage {
  items: string[]; // the text layer's strings, parallel to spans
  spans: HTMLElement[];
}

/** Draws page `n` into `container` (a canvas and pdf.js' text layer over it) at the container's width. */
export async function renderPage(pdf: PDFDocumentProxy, n: number, container: HTMLElement, width: number): Promise<RenderedPage> {
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: Math.max(0.5, Math.min(2, width / base.width)) });
  container.replaceChildren();
  container.style.width = `${Math.floor(viewport.width)}px`;
  container.style.height = `${Math.floor(viewport.height)}px`;
  container.style.setProperty('--total-scale-factor', String(viewport.scale));
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.setAttribute('aria-hidden', 'true');
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  container.append(canvas, layer);
  const context = canvas.getContext('2d')!;
  await page.render({
    canvasContext: context,
    canvas,
    viewport,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
  }).promise;
  const textLayer = new TextLayer({ textContentSource: await page.getTextContent(), container: layer, viewport });
  await textLayer.render();
  return { items: textLayer.textContentItemsStr, spans: textLayer.textDivs };
}
