// chart.js with only the parts these charts use (it is tree-shakable); this module is in the progress chunk.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const dark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches;

export function drawChart(
  canvas: HTMLCanvasElement,
  kind: 'bar' | 'line',
  labels: string[],
  datasets: { label: string; data: number[] }[],
  max?: number,
): () => void {
  const text = dark() ? '#e6e6e6' : '#222';
  const palette = ['#2f6fb0', '#d9822b', '#3a9b5c', '#a04ca0'];
  const chart = new Chart(canvas, {
    type: kind,
    data: {
      labels,
      datasets: datasets.map((d, i) => ({ ...d, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length], maxBarThickness: 48 })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: text,
      scales: { x: { ticks: { color: text } }, y: { beginAtZero: true, max, ticks: { color: text, precision: 0 } } },
    },
  });
  return () => chart.destroy();
}
