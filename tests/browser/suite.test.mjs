// whosaid in a real browser: Debian's Chromium driven by playwright-core.
//
// Starts the release binary on 127.0.0.1:0, walks the site as a person does,
// audits every page with axe-core at two widths in both colour schemes, runs
// Lighthouse on two pages, and writes screenshots to ./screenshots (ignored by git).
// A missing browser or binary fails the suite; nothing is skipped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const binary = path.join(root, 'target/release/whosaid');
const shots = path.join(here, 'screenshots');
const chromeArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

const COMMENTATORS = ['Cho', 'Chang Ho-jin', 'Park Won-gon', 'Sydney Seiler', 'Jenny Town'];
const PAGES = {
  home: '/',
  speaker: '/speakers/jenny-town',
  'quotes-filtered': '/quotes?speaker=jenny-town&speaker=sydney-seiler&kind=direct',
  'quotes-empty': '/quotes?q=zebra',
  themes: '/themes',
  'themes-compare': '/themes?speaker=jenny-town&speaker=sydney-seiler',
  theme: '/themes/china',
  article: '/article',
  'not-found': '/speakers/nobody',
};
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

let server;
let base;
let browser;

before(async () => {
  assert.ok(existsSync(binary), `build the server first: cargo build --release (${binary})`);
  assert.ok(existsSync(chromePath), `Chromium is missing at ${chromePath}: apt-get install chromium`);
  server = spawn(binary, ['--addr', '127.0.0.1:0', '--data', path.join(root, 'data'), '--log', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const match = seen.match(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
    setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 20000);
  });
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** A page that records console errors, failed requests and requests to other hosts. */
async function watchedPage(options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!/net::ERR_ABORTED/.test(r.failure()?.errorText ?? '')) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`other host: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`); });
  return { page, context, problems };
}

function assertClean(problems, where) {
  assert.deepEqual(problems, [], `${where}: ${problems.join('; ')}`);
}

/** Polls `fn` in the page until it returns true (page.waitForFunction needs eval, which the CSP forbids). */
async function until(page, fn, arg) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (await page.evaluate(fn, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${fn}`);
}

const checkbox = (page, name) => page.getByRole('checkbox', { name });

const quoteSpeakers = (page) => page.$$eval('.quote-item p.who a', (links) => links.map((a) => a.textContent.trim()));

test('home shows the five commentators; a card leads to the speaker page', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/');
  const names = await page.$$eval('#commentators ~ .cards .name', (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(names, COMMENTATORS);
  await page.getByRole('link', { name: 'Jenny Town' }).first().click();
  await page.waitForURL(base + '/speakers/jenny-town');
  assert.equal(await page.locator('h1').textContent(), 'Jenny Town');
  assertClean(problems, 'home → speaker');
  await context.close();
});

test('filters apply without a page load and the URL is the bookmark', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/quotes');
  await page.evaluate(() => { window.noReload = true; });
  await checkbox(page, /Sydney Seiler/).check();
  await until(page, () => location.search === '?speaker=sydney-seiler');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('9 statements'));
  assert.deepEqual([...new Set(await quoteSpeakers(page))], ['Sydney Seiler']);
  await checkbox(page, /Jenny Town/).check();
  await until(page, () => location.search === '?speaker=sydney-seiler&speaker=jenny-town');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('32 statements'));
  const speakers = await quoteSpeakers(page);
  assert.equal(speakers.length, 32);
  assert.ok(speakers.every((s) => s === 'Jenny Town' || s === 'Sydney Seiler'));
  assert.equal(await page.evaluate(() => window.noReload), true, 'no page load happened');
  const bookmark = page.url();
  await page.reload();
  assert.equal(page.url(), bookmark);
  assert.equal(await page.evaluate(() => window.noReload), undefined, 'the reload is a real page load');
  assert.deepEqual(await quoteSpeakers(page), speakers);
  assert.ok(await checkbox(page, /Jenny Town/).isChecked());
  assert.ok(await checkbox(page, /Sydney Seiler/).isChecked());
  assertClean(problems, 'filters with JavaScript');
  await context.close();
});

test('filters work with JavaScript turned off, through the form', async () => {
  const { page, context, problems } = await watchedPage({ javaScriptEnabled: false });
  await page.goto(base + '/quotes');
  await checkbox(page, /Sydney Seiler/).check();
  await checkbox(page, /Jenny Town/).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/speaker=/);
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.getAll('speaker').sort(), ['jenny-town', 'sydney-seiler']);
  const speakers = await quoteSpeakers(page);
  assert.equal(speakers.length, 32);
  assert.ok(speakers.every((s) => s === 'Jenny Town' || s === 'Sydney Seiler'));
  await page.getByRole('link', { name: 'Remove filter Speaker: Jenny Town' }).click();
  await page.waitForURL(base + '/quotes?speaker=sydney-seiler');
  assert.deepEqual([...new Set(await quoteSpeakers(page))], ['Sydney Seiler']);
  assertClean(problems, 'filters without JavaScript');
  await context.close();
});

test('chips remove filters, clear all resets, search highlights', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/quotes?speaker=jenny-town&kind=direct');
  await page.getByRole('link', { name: 'Remove filter Kind: direct' }).click();
  await until(page, () => location.search === '?speaker=jenny-town');
  assert.equal(await page.locator('#kind').inputValue(), '');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('23 statements'));
  await page.getByRole('link', { name: 'Clear all' }).click();
  await until(page, () => location.search === '');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('43 statements'));
  assert.equal(await checkbox(page, /Jenny Town/).isChecked(), false);
  await page.getByLabel('Search what was said').fill('military partner');
  await until(page, () => new URLSearchParams(location.search).get('q') === 'military partner');
  await until(page, () => document.querySelectorAll('.quote-item').length === 2);
  const hits = await page.$$eval('mark.hit', (m) => m.map((e) => e.textContent.toLowerCase()));
  assert.ok(hits.includes('military') && hits.includes('partner'), hits.join(','));
  await page.getByLabel('Search what was said').fill('zebra');
  await page.waitForSelector('.empty');
  assert.match(await page.locator('.empty').textContent(), /Nothing said matches/);
  assertClean(problems, 'chips and search');
  await context.close();
});

test('a permalink lands on its quote; copy-citation copies a citation', async () => {
  const { page, context, problems } = await watchedPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.goto(base + '/quotes?speaker=jenny-town');
  const href = await page.locator('.quote-item:has(.kind-direct)').nth(4).getByRole('link', { name: 'Permalink' }).getAttribute('href');
  await page.goto(base + href);
  const anchor = href.split('#')[1];
  const box = await page.locator(`#${anchor}`).boundingBox();
  assert.ok(box && box.y >= 0 && box.y < VIEWPORTS.desktop.height, `quote in view: ${JSON.stringify(box)}`);
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), anchor);
  const button = page.locator(`button.copy[data-anchor="${anchor}"]`);
  assert.ok(await button.isVisible());
  await button.click();
  await until(page, (b) => document.querySelector(`button.copy[data-anchor="${b}"]`).textContent === 'Copied', anchor);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Jenny Town, “.+”, in “Putin in Pyongyang/);
  assert.ok(copied.endsWith(`/speakers/jenny-town#${anchor}`), copied);
  assertClean(problems, 'permalink and citation');
  await context.close();
});

test('everything Jenny Town said about China in two clicks', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/');
  await page.getByRole('link', { name: 'Jenny Town' }).first().click();
  await page.waitForURL(base + '/speakers/jenny-town');
  await page.locator('.theme-filter').getByRole('link', { name: /China’s position/ }).click();
  await page.waitForURL(base + '/speakers/jenny-town?theme=china');
  const items = await page.locator('li.statement').count();
  assert.ok(items >= 3, `${items} statements on China`);
  const text = await page.locator('main').textContent();
  assert.ok(/China/.test(text));
  assertClean(problems, 'Town on China');
  await context.close();
});

test('compare Town and Seiler on /themes', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/themes');
  await page.getByText('Compare some commentators').click();
  await checkbox(page, /Jenny Town/).check();
  await checkbox(page, /Sydney Seiler/).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForURL(/speaker=/);
  const heads = await page.$$eval('thead th', (els) => els.slice(1).map((e) => e.textContent.trim()));
  assert.deepEqual(heads.sort(), ['Jenny Town', 'Sydney Seiler']);
  const cells = await page.$$eval('td .said', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(cells.length >= 4 && cells.every((c) => c.split(/\s+/).length >= 4), cells.join(' | '));
  assertClean(problems, 'compare');
  await context.close();
});

test('Back after two filter changes returns to the previous filters', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/quotes');
  await checkbox(page, /Sydney Seiler/).check();
  await until(page, () => location.search === '?speaker=sydney-seiler');
  await page.locator('#kind').selectOption('reported');
  await until(page, () => location.search === '?speaker=sydney-seiler&kind=reported');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('4 reported'));
  await page.goBack();
  await until(page, () => location.search === '?speaker=sydney-seiler');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('9 statements'));
  assert.equal(await page.locator('#kind').inputValue(), '');
  await page.goBack();
  await until(page, () => location.pathname === '/quotes' && location.search === '');
  await until(page, () => document.querySelector('#result-count').textContent.startsWith('43 statements'));
  assert.equal(await checkbox(page, /Sydney Seiler/).isChecked(), false);
  assertClean(problems, 'history');
  await context.close();
});

test('on a phone the first screen shows a result, the filters fold away', async () => {
  const { page, context, problems } = await watchedPage({ viewport: VIEWPORTS.phone });
  await page.goto(base + '/quotes');
  assert.equal(await page.locator('#filter-fold').evaluate((d) => d.open), false);
  const first = await page.locator('.quote-item').first().boundingBox();
  assert.ok(first && first.y < VIEWPORTS.phone.height, `first result at ${first?.y}`);
  await page.locator('#filter-fold > summary').click();
  assert.ok(await checkbox(page, /Jenny Town/).isVisible());
  assertClean(problems, 'phone first screen');
  await context.close();
});

test('keyboard only: skip link, sensible tab order, focus always visible', async () => {
  const { page, context, problems } = await watchedPage();
  await page.goto(base + '/quotes');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  assert.ok(await page.locator('a.skip').isVisible(), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#main');
  const order = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      // A checkbox's target is its whole label.
      const rect = (el.type === 'checkbox' && el.closest('label') ? el.closest('label') : el).getBoundingClientRect();
      return {
        key: el.id || el.getAttribute('value') || el.getAttribute('href') || el.textContent.trim().slice(0, 30),
        tag: el.tagName,
        outline: parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== 'none',
        size: Math.min(rect.width, rect.height),
      };
    });
    order.push(info);
  }
  const keys = order.map((o) => o.key);
  const expected = ['cho', 'chang-ho-jin', 'park-won-gon', 'sydney-seiler', 'jenny-town', 'kim-jong-un', 'kind', 'theme', 'q'];
  assert.deepEqual(keys.filter((k) => expected.includes(k)), expected, keys.join(' | '));
  assert.ok(keys.indexOf('q') < keys.findIndex((k, i) => order[i].tag === 'BUTTON'), 'the button follows the fields');
  for (const o of order) {
    assert.ok(o.outline, `focus visible on ${o.tag} ${o.key}`);
    assert.ok(o.size >= 24 || o.tag === 'A', `target at least 24px: ${o.tag} ${o.key} (${o.size})`);
  }
  assertClean(problems, 'keyboard');
  await context.close();
});

test('every page at both widths and in both schemes: no axe violations, no console errors, screenshots', async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const failures = [];
  for (const scheme of ['light', 'dark']) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      const { page, context, problems } = await watchedPage({ viewport, colorScheme: scheme, bypassCSP: true });
      for (const [name, url] of Object.entries(PAGES)) {
        problems.length = 0;
        const response = await page.goto(base + url);
        assert.equal(response.status(), name === 'not-found' ? 404 : 200, url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${name} ${width} ${scheme}: page is ${overflow}px wider than the screen`);
        await page.screenshot({ path: path.join(shots, `${name}-${width}-${scheme}.png`), fullPage: true });
        await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
        const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
        for (const v of result.violations) {
          failures.push(`${name} ${width} ${scheme}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
        }
        // The 404 page answers 404 on purpose; anything else is a problem.
        const real = problems.filter((p) => !(name === 'not-found' && p.includes('404')));
        if (real.length) failures.push(`${name} ${width} ${scheme}: ${real.join('; ')}`);
      }
      await context.close();
    }
  }
  assert.deepEqual(failures, []);
});

test('Lighthouse (desktop preset) scores at least 0.95 in every category', async () => {
  const run = promisify(execFile);
  const lighthouse = path.join(here, 'node_modules/.bin/lighthouse');
  const low = [];
  const audit = async (url) => {
    const args = [base + url, '--preset=desktop', '--output=json', '--quiet', `--chrome-flags=${chromeArgs.join(' ')}`];
    const options = { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 << 20 };
    // On a loaded two-core machine Chromium sometimes fails to start or to record
    // the trace (NO_NAVSTART): up to two retries, then fail.
    for (let attempt = 1; ; attempt++) {
      try {
        return (await run(lighthouse, args, options)).stdout;
      } catch (error) {
        if (attempt === 3) throw error;
        console.log(`lighthouse ${url}: run ${attempt} failed (${error.stderr?.slice(-300)}); retrying`);
      }
    }
  };
  for (const url of ['/', '/speakers/jenny-town']) {
    const report = JSON.parse(await audit(url));
    const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, c.score]));
    console.log(`lighthouse ${url}: ${JSON.stringify(scores)}`);
    for (const [category, score] of Object.entries(scores)) {
      if (score < 0.95) {
        const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1).map((a) => a.id);
        low.push(`${url} ${category} ${score} (audits below 1: ${failing.join(', ')})`);
      }
    }
  }
  assert.deepEqual(low, []);
});
