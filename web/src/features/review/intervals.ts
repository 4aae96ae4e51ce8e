// Pure helpers of the review screen: the interval a rating button shows and the rating a typed answer suggests.
import type { Rating } from './api';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const oneDecimal = (n: number) => (n < 10 ? (Math.round(n * 10) / 10).toString() : Math.round(n).toString());

/**
 * The wait until `due`, as a button label: "1 min", "10 min", "3 h", "4 d", "1.5 mo", "2.1 y". Learning steps are
 * minutes, FSRS intervals whole days; months are 30 days and years 365, as the rounding makes the difference
 * invisible at that scale. A due time already passed (or a clock a little ahead) shows "now".
 */
export function formatInterval(due: string | Date, now: number = Date.now()): string {
  const ms = new Date(due).getTime() - now;
  if (!Number.isFinite(ms)) return '–';
  if (ms < 30_000) return 'now';
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${oneDecimal(days / 30)} mo`;
  return `${oneDecimal(days / 365)} y`;
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** Case, accents, punctuation and articles do not count; what is left is the words, in order. */
export function answerWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !ARTICLES.has(w));
}

/**
 * What a typed answer suggests before the student rates: Good when it says the answer key (all its words, in any
 * order, or the chosen option's letter for a choice card), Again otherwise; nothing when nothing was typed. Only a
 * suggestion: quiz-service grades the typed answer sent with the rating, as it grades quiz answers.
 */
export function suggestRating(typed: string, answerKey: string, options?: string[] | null): Rating | null {
  const key = answerWords(answerKey);
  if (key.length === 0) return null;
  // A lone letter ("b", "B)") picks an option; read before articles are dropped, since "a" is one.
  const letter = /^\s*([a-z])\s*[).:]?\s*$/i.exec(typed);
  if (options && options.length > 0 && letter) {
    const chosen = options[letter[1].toLowerCase().charCodeAt(0) - 97];
    return chosen !== undefined && answerWords(chosen).join(' ') === key.join(' ') ? 'good' : 'again';
  }
  const said = answerWords(typed);
  if (said.length === 0) return null;
  const saidSet = new Set(said);
  return key.every((w) => saidSet.has(w)) ? 'good' : 'again';
}
