// The portfolio PDF of the demo learner, made by `npm run pdf` (the print route in Chromium over the
// real handlers), then read back with pdf.js: the text a recruiter would see, the page count, the
// paper size, no heading stranded at the bottom of a page, and pages that render. What the PDF must
// hold comes from the same database through the preview's API.
import { entriesToPrint } from '../../shared/portfolio';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChannelOutput } from '../../shared/contract';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import { itemById, type Curriculum } from '../../shared/curriculum';
import { formatHours } from '../../shared/time';
import { itemLabel } from '../../renderer/lib/labels';
import { countPdfPages } from '../../scripts/pdf-command';
import { expect, expectAccessible, startPreviewProcess, test } from './fixtures';
import { collapse, pdfInfo, pdfText, renderPages } from './pdf-tools';
import { PRINT_READY_ATTRIBUTE, printHash } from '../../shared/print';

const root = path.resolve(import.meta.dirname, '../..');
const DEMO_LEARNER_NAME = 'Alex Rivera';
const lower = (text: string) => collapse(text).toLowerCase();

/** `npm run pdf -- ARGS`, as a learner runs it; resolves with its output, fails the test on a non-zero exit. */
function runPdf(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/pdf.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

/** "Wrote FILE: N pages, X KB in Y s" */
function parseSummary(stdout: string) {
  const match = /^Wrote (.+): (\d+) pages?, ([\d,]+) KB in ([\d.]+) s$/m.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return {
    file: match![1]!,
    pages: Number(match![2]),
    kb: Number(match![3]!.replace(/,/g, '')),
    seconds: Number(match![4]),
  };
}

interface DemoData {
  dbFile: string;
  curriculum: Curriculum;
  entries: PortfolioEntry[];
  milestones: ChannelOutput<'milestones.get'>;
}

/** The demo learner written into a new database by the preview, and what its portfolio holds. */
async function demoDatabase(dir: string, page: import('@playwright/test').Page): Promise<DemoData> {
  mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, 'demo.db');
  const preview = await startPreviewProcess(dbFile, ['--demo']);
  try {
    await page.goto(preview.url);
    const get = (channel: string) =>
      page.evaluate(async (c) => {
        const result = await window.api!.invoke(c, {});
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      }, channel);
    return {
      dbFile,
      curriculum: (await get('curriculum.get')) as Curriculum,
      entries: ((await get('portfolio.list')) as ChannelOutput<'portfolio.list'>).entries,
      milestones: (await get('milestones.get')) as ChannelOutput<'milestones.get'>,
    };
  } finally {
    await preview.stop();
  }
}

test.describe('the portfolio PDF', () => {
  test('holds the demo learner’s cover, roadmap, every included entry and the milestones on A4', async ({
    page,
  }, info) => {
    test.setTimeout(120_000);
    const { dbFile, curriculum, entries, milestones } = await demoDatabase(info.outputDir, page);
    // Untouched entries are not printed as blank pages; the cover lists them as still to come.
    const { printed: included, stillToCome } = entriesToPrint(entries);
    expect(included.length).toBeGreaterThan(0);
    expect(stillToCome.length).toBeGreaterThan(0);
    // The demo learner has written-up and self-assessed entries, so both kinds are checked below.
    expect(included.some((e) => e.latestAssessment)).toBe(true);
    expect(included.some((e) => e.fields.problemStatement.trim())).toBe(true);
    const outFile = path.join(info.outputDir, 'portfolio.pdf');

    const run = runPdf(['--db', dbFile, '--out', outFile]);
    expect(run.status, run.stderr).toBe(0);
    const result = parseSummary(run.stdout);
    expect(path.resolve(root, result.file)).toBe(outFile);
    const bytes = readFileSync(outFile);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Math.abs(result.kb - bytes.length / 1024)).toBeLessThan(1);
    const details = await pdfInfo(outFile);
    expect(Number(details.Pages)).toBe(result.pages);
    expect(countPdfPages(bytes)).toBe(result.pages);
    expect(result.pages).toBeGreaterThanOrEqual(4);
    expect(result.pages).toBeLessThanOrEqual(40);
    expect(details['Page size']).toMatch(/\(A4\)/);
    expect(details.Title).toBe(`${DEMO_LEARNER_NAME} – MLOps Portfolio`);

    const pages = await pdfText(outFile);
    expect(pages).toHaveLength(result.pages);
    const all = collapse(pages.join('\n'));
    expect(all).toContain(DEMO_LEARNER_NAME);
    expect(all).toContain('MLOps Portfolio');
    expect(all).toContain('Estimated and actual hours');
    // recharts drew the chart as vector text: its axis labels are in the PDF.
    expect(all).toMatch(/1\.1 1\.2 1\.3 2\.1/);
    const cover = collapse(pages[0]!);
    for (const entry of stillToCome) expect(cover).toContain(itemLabel(itemById(curriculum.items, entry.itemId)!));

    // Every entry starts on a page of its own, with its number and item in the eyebrow.
    const starts = included.map((entry, index) => {
      const item = itemById(curriculum.items, entry.itemId)!;
      const eyebrow = `${index + 1}. ${itemLabel(item)} ·`.toLowerCase();
      const page = pages.findIndex((p) => lower(p).startsWith(eyebrow));
      expect(page, `the page of ${itemLabel(item)}`).toBeGreaterThan(1);
      return page;
    });
    const milestonesPage = pages.findIndex((p) => /^SUCCESS MILESTONES\s+Milestones/.test(p.trim()));
    expect(milestonesPage, 'the milestones page').toBeGreaterThan(0);
    expect(milestonesPage).toBeGreaterThan(starts[starts.length - 1]!);

    included.forEach((entry, index) => {
      const item = itemById(curriculum.items, entry.itemId)!;
      const first = collapse(pages[starts[index]!]!);
      const whole = lower(pages.slice(starts[index], starts[index + 1] ?? milestonesPage).join('\n'));
      const title = entry.fields.projectTitle.trim() || item.title;
      expect(first, itemLabel(item)).toContain(title);
      expect(first).toContain(
        `${formatHours(entry.loggedHours)} h of ${item.estimate.minHours}–${item.estimate.maxHours} h estimated`,
      );
      if (entry.latestAssessment) {
        expect(first).toContain(`${entry.latestAssessment.weightedTotal.toFixed(1)} / 100`);
        // The four categories with their weights, then their percents (the reader gives the row of
        // labels before the row of values).
        const percents = entry.latestAssessment.categoryPercents;
        for (const category of curriculum.evaluationCriteria)
          expect(first).toContain(`${category.title} ${category.weight}%`);
        const values = curriculum.evaluationCriteria
          .map((c) => `${Math.round(percents[c.id as keyof typeof percents])}%`)
          .join(' ');
        expect(first).toContain(values);
      } else expect(first).toContain('Not self-assessed yet');
      // What the learner wrote is there, word for word (short fields and the first lines of long ones).
      for (const field of curriculum.portfolioTemplate.fields) {
        const value = entry.fields[field.key as keyof typeof entry.fields].trim();
        if (value) expect(collapse(whole), `${field.label} of ${itemLabel(item)}`).toContain(lower(value).slice(0, 60));
      }
      for (const field of curriculum.portfolioTemplate.fields)
        expect(whole, `${field.label} in ${itemLabel(item)}`).toContain(field.label.toLowerCase());
      for (const link of curriculum.portfolioTemplate.links) expect(whole).toContain(link.label.toLowerCase());
      for (const url of Object.values(entry.links).filter(Boolean))
        expect(collapse(whole).replace(/ /g, '')).toContain(url.toLowerCase());
    });

    const milestoneText = lower(pages.slice(milestonesPage).join('\n'));
    for (const list of milestones.checklists) {
      expect(milestoneText).toContain(list.title.toLowerCase());
      for (const entry of list.entries) expect(milestoneText).toContain(entry.text.toLowerCase());
    }
    const ticks = milestones.checklists.flatMap((l) => l.entries);
    expect((milestoneText.match(/✓/g) ?? []).length).toBe(ticks.filter((e) => e.done).length);
    expect((milestoneText.match(/○/g) ?? []).length).toBe(ticks.filter((e) => !e.done).length);

    // A heading never ends a page: the last line above the footer is never one.
    const headings = new Set(
      [
        ...curriculum.portfolioTemplate.fields.map((f) => f.label),
        'Links',
        'Self-assessment',
        'Per phase',
        'In this portfolio',
        'Estimated and actual hours',
        'Milestones',
        ...milestones.checklists.map((m) => m.title),
      ].map((h) => h.toLowerCase()),
    );
    pages.forEach((page, n) => {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^Page \d+ of \d+$/.test(l) && l !== `${DEMO_LEARNER_NAME} – MLOps Portfolio`);
      const last = (lines[lines.length - 1] ?? '').toLowerCase().replace(/\s+\d+ of \d+$/, '');
      expect(headings.has(last), `page ${n + 1} ends with the heading "${last}"`).toBe(false);
      expect(/^\d+\. (project|exercise) /.test(last), `page ${n + 1} ends with an entry's eyebrow`).toBe(false);
    });

    // The pages render: pdf.js draws the first three, kept as PNG files to look at.
    for (const [n, { png }] of (await renderPages(outFile, [1, 2, 3], 50)).entries())
      writeFileSync(path.join(info.outputDir, `page-${n + 1}.png`), png);
    const pngs = readdirSync(info.outputDir).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(3);
    for (const png of pngs) expect(statSync(path.join(info.outputDir, png)).size).toBeGreaterThan(5_000);
  });

  test('--demo prints the demo learner from a temporary database, on Letter', async ({}, info) => {
    test.setTimeout(120_000);
    mkdirSync(info.outputDir, { recursive: true });
    const outFile = path.join(info.outputDir, 'demo-letter.pdf');
    const run = runPdf(['--demo', '--out', outFile, '--paper', 'Letter']);
    expect(run.status, run.stderr).toBe(0);
    const result = parseSummary(run.stdout);
    expect((await pdfInfo(outFile))['Page size']).toMatch(/\(letter\)/i);
    expect(result.pages).toBeGreaterThanOrEqual(4);
    expect(collapse((await pdfText(outFile))[0]!)).toContain(DEMO_LEARNER_NAME);
    // Only the PDF: the atomic write leaves no temporary file, the demo database lived elsewhere.
    expect(readdirSync(info.outputDir)).toEqual(['demo-letter.pdf']);
  });

  test('refuses a database that does not exist, naming it, and creates nothing', async ({}, info) => {
    mkdirSync(info.outputDir, { recursive: true });
    const missing = path.join(info.outputDir, 'nowhere.db');
    const run = runPdf(['--db', missing, '--out', path.join(info.outputDir, 'x.pdf')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`There is no study-companion database at ${missing}.`);
    expect(readdirSync(info.outputDir)).toEqual([]);
  });

  test('explains its options when they are wrong', () => {
    const run = runPdf(['--demo']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Say where to write the PDF with --out FILE.pdf. Usage: npm run pdf --');
  });

  test('the print route stands alone: no sidebar, light colours under a dark theme, ready once drawn', async ({
    page,
    preview,
  }) => {
    await page.goto(preview.url);
    await page.evaluate(() => window.api!.invoke('settings.update', { theme: 'dark' }));
    await page.goto(`${preview.url}${printHash('A4')}`);
    await expect(page.locator('html')).toHaveAttribute(PRINT_READY_ATTRIBUTE, 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('.sidebar')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('MLOps Portfolio');
    // A learner with no name yet still gets a cover that reads well.
    await expect(page.getByTestId('print-learner')).toHaveText('MLOps learner');
    await expect(page.getByTestId('roadmap-chart').locator('path.bar-range')).toHaveCount(24);
    await expectAccessible(page, 'the print view');
  });

  test('the print route says "error" at once, with the reason, when its data cannot load', async ({
    page,
    preview,
  }) => {
    await page.route('**/__api/milestones.get', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } }),
      }),
    );
    await page.goto(`${preview.url}${printHash('Letter')}`);
    await expect(page.locator('html')).toHaveAttribute(PRINT_READY_ATTRIBUTE, 'error');
    await expect(page.getByRole('alert')).toContainText('The milestones could not be loaded: The disk is full.');
  });
});
