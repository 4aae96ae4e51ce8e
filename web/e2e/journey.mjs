// The student's journey in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) against a
// started system: sign up → upload the sample PDF and watch its progress → ask and see the answer stream → open the
// citation and find the highlighted sentence on its page → generate and take a quiz → the progress chart. axe-core
// runs on every screen (no serious or critical violation allowed), the CSP stays on (any violation fails), phone
// width is checked, screenshots go to e2e/screenshots/ and the figures to e2e/results/journey.json.
// LV_GATEWAY_URL (default http://localhost:8080) is the gateway serving the built app.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePages, writePdf, writeSamplePdf } from './sample-pdf.mjs';
import { bundleSizes } from '../scripts/bundle-size.mjs';

const base = (process.env.LV_GATEWAY_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const here = new URL('.', import.meta.url).pathname;
const shots = join(here, 'screenshots');
const resultsDir = join(here, 'results');
mkdirSync(shots, { recursive: true });
mkdirSync(resultsDir, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const samplePdf = join(tmpdir(), `lectavera-water-cycle-${process.pid}.pdf`);
const sampleMarkdown = join(here, '../../demo/src/main/resources/sample/water-cycle.md');
writeSamplePdf(sampleMarkdown, samplePdf);

const QUESTION = 'How long does a water molecule stay in the atmosphere?';
const EXPECTED_PAGE = 7; // the sample guide's page about residence times
const started = Date.now();
const steps = [];
const axeResults = {};
const cspViolations = [];

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

async function step(name, fn) {
  const t0 = Date.now();
  process.stdout.write(`- ${name} ... `);
  await fn();
  const ms = Date.now() - t0;
  steps.push({ name, ms });
  console.log(`ok (${(ms / 1000).toFixed(1)} s)`);
}

async function axe(page, screen) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => String(n.target)) }));
  });
  axeResults[screen] = result;
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `axe on ${screen}: ${JSON.stringify(bad)}`);
}

const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

/**
 * Submits an auth form until it leads to `url`. Sign-ups and sign-ins are limited per address (register: 10 an hour,
 * then one per 6 minutes; auth-ip: 50 in 15 minutes), so a run soon after others meets a limit: the screen must say
 * how long to wait (from Retry-After) — then the student waits and tries again.
 */
async function submitThroughLimits(submit, url) {
  for (let attempt = 0; ; attempt++) {
    await submit();
    const outcome = await Promise.race([
      page.waitForURL(url).then(() => 'through'),
      page.getByText(/try again in \d+ s/).waitFor().then(() => 'limited'),
    ]);
    if (outcome === 'through') return;
    const wait = Number((await page.getByText(/try again in \d+ s/).textContent()).match(/(\d+) s/)[1]);
    check(attempt < 2 && wait <= 900, `a rate limit asks for ${wait} s`);
    console.log(`(rate limit: the screen asks to wait ${wait} s) `);
    rateLimitWaits.push(wait);
    await page.getByText('You can try again now.').waitFor({ timeout: (wait + 5) * 1000 });
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: false });
const page = await context.newPage();
page.setDefaultTimeout(30_000);
page.on('console', (m) => {
  if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
});
page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
const refusedCalls = [];
const apiCallTimes = [];
const userCallTimes = []; // with the student's token: what the gateway counts per user
page.on('request', (r) => {
  if (!new URL(r.url()).pathname.startsWith('/api/')) return;
  apiCallTimes.push(Date.now());
  if (r.headers().authorization) userCallTimes.push(Date.now());
});
page.on('response', (r) => {
  if (r.status() >= 400 && r.url().includes('/api/')) refusedCalls.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
});

const email = `web-e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
const password = 'correct horse battery 42';
let usableLibraryMs = 0;
let progressSeen = [];
let streamedUpdates = 0;
let liveProgressEvents = 0;
const rateLimitWaits = [];
let sessionUrl = '';
let readerUrl = '';

try {
  await step('sign-in and sign-up screens', async () => {
    await page.goto(`${base}/library`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await axe(page, 'sign-in');
    await shot(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await axe(page, 'sign-up');
    await page.getByLabel('Your name').fill('Web Student');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await submitThroughLimits(() => page.getByRole('button', { name: 'Create account' }).click(), /\/library$/);
  });

  await step('forgot / reset password and verify email screens', async () => {
    // Another address: the answer is the same for every address (no enumeration), and this account's own auth
    // budget (5 per 15 minutes: sign-ins, password-confirming deletes) stays for the steps below.
    await page.goto(`${base}/forgot-password`);
    await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.test`);
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await page.getByText('a reset link is on its way').waitFor();
    await axe(page, 'forgot-password');
    await page.goto(`${base}/reset-password?token=not-a-real-token`);
    await page.getByLabel(/^New password/).fill('another good password');
    await page.getByRole('button', { name: 'Set the password' }).click();
    // reset-password is limited per address (5 in 15 minutes): after several runs the answer is the friendly wait.
    await page.getByRole('alert').or(page.getByText(/try again in \d+ s/)).waitFor();
    await axe(page, 'reset-password');
    await page.goto(`${base}/verify-email?token=not-a-real-token`);
    await page.getByRole('alert').waitFor();
    await axe(page, 'verify-email');
    await page.goto(`${base}/library`);
    await page.locator('.dropzone').waitFor();
  });

  await step('upload the sample PDF and watch it being indexed', async () => {
    await page.getByRole('heading', { name: 'Your library' }).waitFor();
    await page.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        document.querySelectorAll('.document').forEach((d) => {
          const text = `${d.getAttribute('data-status')}: ${d.querySelector('.progress')?.textContent ?? ''}`;
          if (window.__progress[window.__progress.length - 1] !== text) window.__progress.push(text);
        });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.locator('input[type=file]').setInputFiles({ name: 'water-cycle.pdf', mimeType: 'application/pdf', buffer: readFileSync(samplePdf) });
    await page.locator('.document[data-status=INDEXED]').waitFor({ timeout: 90_000 });
    progressSeen = await page.evaluate(() => window.__progress);
    // A 10-page guide may be indexed before the list first shows it, so the states seen are recorded, not required;
    // the live per-page progress is checked on the second upload, over the socket.
    check((await page.getByRole('list', { name: 'Uploads' }).textContent()).includes('water-cycle.pdf: uploaded'), 'the upload is reported');
    await page.getByText('Storage:').waitFor();
    await axe(page, 'library');
    await shot(page, 'library');
  });

  await step('the library is usable soon after navigation (reload)', async () => {
    await page.goto(`${base}/library`);
    usableLibraryMs = await page.waitForFunction(() => document.querySelector('.document[data-status=INDEXED] a') && performance.now()).then((h) => h.jsonValue());
    check(usableLibraryMs > 0, 'library rendered');
  });

  await step('start a study session, ask, see the answer stream', async () => {
    await page.getByRole('link', { name: 'Study', exact: true }).click();
    await page.getByRole('heading', { name: 'Study', exact: true }).waitFor();
    await page.locator('fieldset input[type=checkbox]').first().check();
    await page.getByLabel('Title').fill('Water cycle revision');
    await axe(page, 'study-sessions');
    await page.getByRole('button', { name: 'Start studying' }).click();
    await page.waitForURL(/\/study\/[0-9a-f-]+$/);
    sessionUrl = page.url();
    await page.getByText('live').first().waitFor();
    await page.evaluate(() => {
      window.__streamed = 0;
      new MutationObserver((records) => {
        if (records.some((r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest?.('.streaming'))) window.__streamed++;
      }).observe(document.querySelector('.chat'), { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Your question').fill(QUESTION);
    await page.getByRole('button', { name: 'Ask' }).click();
    const answer = page.locator('.answer:not(.streaming)').last();
    await answer.waitFor();
    streamedUpdates = await page.evaluate(() => window.__streamed);
    check(streamedUpdates > 0, 'the answer was shown while it streamed');
    check((await answer.textContent()).includes('9 days'), 'the answer quotes the page');
    check((await answer.locator('.verdict').textContent()).includes('Answered from your documents'), 'the verdict is shown');
    await axe(page, 'study-chat');
    await shot(page, 'study');
  });

  await step('a reload keeps the session, then the citation opens the reader highlighted', async () => {
    await page.reload();
    const chip = page.locator('.answer .chip', { hasText: `p. ${EXPECTED_PAGE}` }).first();
    await chip.waitFor();
    await chip.click();
    await page.waitForURL(/\/reader\//);
    readerUrl = page.url();
    await page.locator(`#page-indicator[data-page="${EXPECTED_PAGE}"]`).waitFor();
    await page.locator('.pdf-page[data-highlighted=exact]').waitFor({ timeout: 30_000 });
    const marked = (await page.locator('.pdf-page mark').allTextContents()).join('');
    const quote = await page.locator('.quoted').evaluate((q) => q.firstChild.textContent);
    const squash = (s) => s.replace(/\s+/g, '');
    check(squash(marked) === squash(quote), `the marked text is the quote: "${marked}" vs "${quote}"`);
    check(quote.includes('9 days'), 'the quote is the cited sentence');
    await axe(page, 'reader');
    await shot(page, 'reader');
  });

  await step('with a session open, a second upload reports its progress over the socket', async () => {
    await page.goto(`${base}/library`);
    await page.locator('.documents[data-live=true]').waitFor();
    const second = join(tmpdir(), `lectavera-water-cycle-short-${process.pid}.pdf`);
    writePdf(samplePages(readFileSync(sampleMarkdown, 'utf8')).slice(0, 3), second);
    await page.locator('input[type=file]').setInputFiles({ name: 'water-cycle-short.pdf', mimeType: 'application/pdf', buffer: readFileSync(second) });
    await page.locator('.document[data-status=INDEXED]').nth(1).waitFor({ timeout: 90_000 });
    liveProgressEvents = Number(await page.locator('.documents').getAttribute('data-live-events'));
    check(liveProgressEvents > 0, 'document.progress events came over the socket');
  });

  await step('rename, tag, search, archive and delete a document', async () => {
    const row = page.locator('.document', { hasText: 'water-cycle-short' });
    await row.getByRole('button', { name: /^Rename \/ tags/ }).click();
    await row.getByLabel('Title').fill('Short guide');
    await row.getByLabel('Tags (comma-separated)').fill('exam, week 3');
    await row.getByRole('button', { name: 'Save' }).click();
    const renamed = page.locator('.document', { hasText: 'Short guide' });
    await renamed.getByText('tags: exam, week 3').waitFor();
    await page.getByLabel('Search titles').fill('short');
    await page.locator('.document').filter({ hasText: 'water-cycle' }).waitFor({ state: 'detached' });
    check((await page.locator('.document').count()) === 1, 'the search finds the renamed document only');
    await renamed.getByRole('button', { name: 'Archive' }).click();
    await renamed.waitFor({ state: 'detached' });
    await page.getByLabel('Show archived').check();
    const archived = page.locator('.document', { hasText: 'Short guide' });
    await archived.getByText(/· archived/).waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await archived.getByRole('button', { name: /^Delete/ }).click();
    await archived.waitFor({ state: 'detached' });
  });

  await step('generate a quiz, take it one question at a time, see the graded results', async () => {
    await page.goto(`${base}/quizzes`);
    await page.getByRole('checkbox', { name: 'water-cycle', exact: true }).check();
    await page.getByLabel('Questions').fill('4');
    await axe(page, 'quizzes');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.waitForURL(/\/quizzes\/[0-9a-f-]+$/, { timeout: 60_000 });
    await page.locator('.question').first().waitFor();
    await axe(page, 'quiz');
    const total = Number((await page.locator('.actions span').textContent()).split(' of ')[1]);
    for (let i = 0; i < total; i++) {
      const q = page.locator('.question');
      if (await q.locator('input[type=radio]').count()) await q.locator('input[type=radio]').first().check();
      else await q.getByLabel('Your answer').fill('water');
      if (i < total - 1) await page.getByRole('button', { name: 'Next question' }).click();
    }
    await shot(page, 'quiz');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.waitForURL(/\/attempts\//);
    await page.locator('.score').waitFor();
    check(/Score: \d+ \/ \d+/.test(await page.locator('.score').textContent()), 'a graded score');
    check((await page.locator('.results a').count()) > 0, 'results link to their source pages');
    await axe(page, 'quiz-results');
    await shot(page, 'quiz-results');
  });

  await step('review a missed card: reveal, the source page, rate Good, the card leaves the queue', async () => {
    // A question the attempt got wrong is a card already; when every answer happened to be right, save one.
    if ((await page.locator('.results .wrong').count()) === 0) {
      await page.getByRole('button', { name: /^Save as card/ }).first().click();
      await page.getByText('Saved for review').first().waitFor();
    }
    // The navigation's due count follows the queue: the missed (or saved) card is in it.
    await page.waitForFunction(() => Number(document.querySelector('nav .nav-count')?.getAttribute('data-due')) >= 1);
    const dueBefore = Number(await page.locator('nav .nav-count').getAttribute('data-due'));
    await page.getByRole('link', { name: /^Review/ }).click();
    const card = page.locator('.review-card');
    await card.waitFor();
    const cardId = await card.getAttribute('data-card-id');
    check((await page.locator('#card-prompt').textContent()).trim().length > 0, 'the card shows its prompt');
    await axe(page, 'review');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.locator('#card-answer').waitFor();
    const intervals = await page.locator('.ratings .interval').allTextContents();
    check(intervals.length === 4 && intervals.every((t) => /^(now|\d+(\.\d)? (min|h|d|mo|y))$/.test(t)), `each rating shows its next interval (${intervals.join(', ')})`);
    await axe(page, 'review-answer');
    await shot(page, 'review');
    const source = page.locator('#card-answer a[href^="/reader/"]');
    const sourcePage = new URL(await source.getAttribute('href'), base).searchParams.get('page');
    await source.click();
    await page.waitForURL(/\/reader\//);
    await page.locator('blockquote.quoted').waitFor();
    check((await page.locator('#page-indicator').getAttribute('data-page')) === sourcePage, 'the source link opens the card\'s page with its passage');
    await page.goBack();
    await page.locator(`.review-card[data-card-id="${cardId}"]`).waitFor();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await page.locator('#last-review', { hasText: 'Rated Good' }).waitFor();
    await page.locator(`.review-card[data-card-id="${cardId}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction((n) => Number(document.querySelector('nav .nav-count')?.getAttribute('data-due')) === n - 1, dueBefore);
    await page.getByRole('link', { name: 'Cards per document' }).click();
    await page.getByRole('list', { name: 'Cards' }).locator('li').first().waitFor();
    await axe(page, 'review-cards');
    await page.getByRole('link', { name: 'Review settings' }).click();
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await axe(page, 'review-settings');
  });

  await step('the progress chart', async () => {
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.locator('figure.chart canvas').first().waitFor();
    // Analytics follow the Kafka events: the overview counts the quiz once they have come through.
    for (let i = 0; i < 20 && (await page.locator('.stats dd').nth(2).textContent()) === '0'; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.locator('.stats').waitFor();
    }
    const drawn = await page.locator('figure.chart canvas').first().evaluate((c) => c.width > 0 && c.toDataURL().length > 2000);
    check(drawn, 'the activity chart is drawn');
    await axe(page, 'progress');
    await shot(page, 'progress');
  });

  await step('phone width (360 px) and dark mode', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const url of [`${base}/library`, sessionUrl, readerUrl, `${base}/review`]) {
      await page.goto(url);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.pdf-frame'))
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      );
      check(overflow <= 1, `no sideways scrolling at 360 px on ${url} (${overflow}px: ${wide.join(', ')})`);
    }
    await page.goto(`${base}/library`);
    await page.locator('.document').first().waitFor();
    await shot(page, 'library-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.document').first().waitFor();
    await axe(page, 'library-dark');
    await shot(page, 'library-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  // From here on this page's sockets are refused (routeWebSocket stays in place); no step below needs one.
  await step('without a socket, the question goes over HTTP; the same question again is marked cached', async () => {
    await page.routeWebSocket(/\/ws\//, (socket) => socket.close({ code: 1011, reason: 'refused by the test' }));
    await page.goto(sessionUrl);
    await page.getByText('updating every few seconds').waitFor();
    await page.locator('.answer').first().waitFor();
    const answers = await page.locator('.answer').count();
    await page.getByLabel('Your question').fill(QUESTION);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('.answer').nth(answers).waitFor();
    check((await page.locator('.answer').nth(answers).textContent()).includes('9 days'), 'the HTTP answer is shown');
    await page.locator('.answer').nth(answers).getByText('cached answer').waitFor();
  });

  await step('archive the study session: it moves to the archive and is read only', async () => {
    await page.goto(sessionUrl);
    await page.getByRole('button', { name: 'Archive this session' }).click();
    await page.getByText('archived (read only)').waitFor();
    check((await page.getByLabel('Your question').count()) === 0, 'no question box on an archived session');
    await page.goto(`${base}/study`);
    await page.getByRole('button', { name: 'Show the archive' }).click();
    await page.getByRole('link', { name: 'Water cycle revision' }).click();
    await page.locator('.answer .chip').first().waitFor();
  });

  await step('a refresh token spent elsewhere (stolen) ends the session here: signed out, told why', async () => {
    await page.goto(`${base}/library`);
    await page.locator('.documents').waitFor();
    const stolen = await page.evaluate(() => sessionStorage.getItem('lectavera.refresh'));
    check(stolen, 'the refresh token is in this tab');
    const thief = await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: stolen }),
    });
    check(thief.status === 200, `the thief rotates it first (${thief.status})`);
    await page.reload(); // the app spends the same token: reuse, the family is revoked
    await page.waitForURL(/\/sign-in\?.*ended=1/);
    await page.getByText('Your session ended').waitFor();
    check((await page.evaluate(() => sessionStorage.getItem('lectavera.refresh'))) === null, 'nothing kept');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await submitThroughLimits(() => page.getByRole('button', { name: 'Sign in' }).click(), /\/library$/);
  });

  await step('account screen, sign out', async () => {
    await page.goto(`${base}/account`);
    await page.getByText(email).waitFor();
    await axe(page, 'account');
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(sessionUrl);
    await page.waitForURL(/\/sign-in/);
  });

  await step('sign in with the keyboard alone, back where the student was; delete the account', async () => {
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'email'), 'Tab reaches the email field');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await submitThroughLimits(() => page.keyboard.press('Enter'), (url) => url.href === sessionUrl);
    await page.goto(`${base}/account`);
    await page.getByLabel('Your password').fill(password);
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').or(page.getByText(/try again in \d+ s/)).waitFor();
    check(page.url().includes('/sign-in'), 'a deleted account cannot sign in');
  });

  check(cspViolations.length === 0, `CSP violations: ${cspViolations.join('\n')}`);
} catch (e) {
  // What the screen said when a step failed, and the API calls that were refused.
  await shot(page, 'failed').catch(() => {});
  console.log(`\n  on ${page.url()}: ${(await page.locator('main').innerText().catch(() => '')).slice(0, 400)}`);
  console.log(`  refused API calls: ${JSON.stringify(refusedCalls.slice(-10))}`);
  throw e;
} finally {
  const durationMs = Date.now() - started;
  const { initialGzip, rows } = bundleSizes();
  // The gateway allows a user 100 calls a minute (default class): the busiest minute of the journey, against that.
  const busiest = (times) => times.reduce((max, t) => Math.max(max, times.filter((u) => u >= t && u < t + 60_000).length), 0);
  const busiestMinute = busiest(apiCallTimes);
  const busiestUserMinute = busiest(userCallTimes);
  const report = { base, durationMs, apiCalls: apiCallTimes.length, busiestMinute, busiestUserMinute, usableLibraryMs, streamedUpdates, liveProgressEvents, rateLimitWaits, progressSeen, steps, axe: axeResults, cspViolations, bundle: { initialGzip, rows } };
  writeFileSync(join(resultsDir, 'journey.json'), JSON.stringify(report, null, 2));
  await browser.close();
  console.log(`journey: ${(durationMs / 1000).toFixed(1)} s; ${apiCallTimes.length} API calls, ${busiestMinute} in the busiest minute (${busiestUserMinute} with the student's token); library usable ${Math.round(usableLibraryMs)} ms after navigation; ` +
    `axe: ${Object.entries(axeResults).map(([s, v]) => `${s} ${v.length}`).join(', ')}; report e2e/results/journey.json`);
}
