// The portfolio, self-assessment and milestones over the real handlers and a real SQLite file:
// pre-fill from the logbook, autosave that survives a restart, only web links, the weighted score
// and its history, milestones that tick themselves, and the PDF export that needs the desktop app.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { itemById, portfolioFieldKeys } from '../../shared/curriculum';
import type { AssessmentScores } from '../../shared/schemas/assessment';
import { WEB_LINK_MESSAGE } from '../../shared/schemas/portfolio';
import { DAY_MS, MINUTE_MS } from '../../shared/time';
import { handlers } from '../../electron/handlers';
import { PDF_NEEDS_DESKTOP_MESSAGE } from '../../electron/handlers/portfolio';
import { dispatch } from '../../electron/ipc/dispatch';
import { createTestApp, dumpDatabase, T0, type TestApp } from '../support/context';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const at = (iso: string) => Date.parse(iso);
const log = (itemId: string, from: string, to: string) =>
  app.call('time.add', { itemId, startedAt: at(from), endedAt: at(to) });
const mixed: AssessmentScores = {
  technical: [4, 3, 5, 4, 4],
  mlops: [3, 3, 2, 4, 3],
  innovation: [5, 4, 4, 5, 4],
  communication: [2, 3, 3, 2, 2],
};
const all = (score: number): AssessmentScores => {
  const five = [score, score, score, score, score];
  return { technical: five, mlops: five, innovation: five, communication: five };
};

describe('the portfolio list', () => {
  it('has every curriculum item in curriculum order, projects in the PDF and exercises out', () => {
    const { entries } = app.call('portfolio.list');
    expect(entries.map((e) => e.itemId)).toEqual(app.ctx.curriculum.items.map((i) => i.id));
    for (const entry of entries) {
      const item = itemById(app.ctx.curriculum.items, entry.itemId)!;
      expect(entry.included, item.id).toBe(item.kind === 'project');
      expect(entry).toMatchObject({ status: 'not_started', loggedHours: 0, latestAssessment: null, updatedAt: null });
      expect(entry.fields.projectTitle).toBe(item.title);
      expect(entry.links).toEqual({ githubRepository: '', liveDemo: '', documentation: '' });
    }
    expect(app.call('portfolio.get', { itemId: '4.1' })).toEqual(entries.find((e) => e.itemId === '4.1'));
  });
});

describe('pre-filled values', () => {
  it('come from the item and the logbook, across two months, until the learner changes them', () => {
    const fresh = app.call('portfolio.get', { itemId: '4.1' });
    expect(fresh.fields).toMatchObject({
      projectTitle: 'Model API Service',
      duration: '',
      technologiesUsed: 'FastAPI, Docker, AWS/GCP',
      problemStatement: '',
    });
    expect(fresh.prefilled).toEqual(['projectTitle', 'technologiesUsed']);

    log('4.1', '2026-02-26T19:00:00+01:00', '2026-02-26T21:00:00+01:00');
    log('4.1', '2026-02-28T23:00:00+01:00', '2026-03-01T00:30:00+01:00'); // ends on 1 March
    log('4.1', '2026-02-27T18:00:00+01:00', '2026-02-27T19:00:00+01:00');
    log('1.1', '2026-03-01T10:00:00+01:00', '2026-03-01T11:00:00+01:00'); // another item: not counted
    const entry = app.call('portfolio.get', { itemId: '4.1' });
    expect(entry.fields.duration).toBe('26 Feb – 1 Mar 2026 · 4.5 hours');
    expect(entry).toMatchObject({ loggedHours: 4.5, status: 'in_progress', updatedAt: null });
    expect(entry.prefilled).toEqual(['projectTitle', 'duration', 'technologiesUsed']);
    expect(app.call('portfolio.get', { itemId: '1.1' }).fields).toMatchObject({
      projectTitle: 'Your First ML Model',
      duration: '1 Mar 2026 · 1 hour',
      technologiesUsed: 'Python, Scikit-learn, Jupyter',
    });

    // The learner rewrites the title and clears the tools: saved values win, even an empty one.
    app.call('portfolio.update', {
      itemId: '4.1',
      fields: { projectTitle: 'Churn scoring API', technologiesUsed: '' },
    });
    let updated = app.call('portfolio.get', { itemId: '4.1' });
    expect(updated.fields).toMatchObject({
      projectTitle: 'Churn scoring API',
      technologiesUsed: '',
      duration: '26 Feb – 1 Mar 2026 · 4.5 hours',
    });
    expect(updated.prefilled).toEqual(['duration']);

    // The duration keeps following the logbook while it is pre-filled...
    log('4.1', '2026-03-02T07:00:00+01:00', '2026-03-02T08:30:00+01:00');
    expect(app.call('portfolio.get', { itemId: '4.1' }).fields.duration).toBe('26 Feb – 2 Mar 2026 · 6 hours');
    // ...and stops once the learner has written their own.
    app.call('portfolio.update', { itemId: '4.1', fields: { duration: 'Two weekends in early 2026' } });
    app.clock.now += DAY_MS;
    log('4.1', '2026-03-02T19:00:00+01:00', '2026-03-02T20:00:00+01:00');
    updated = app.call('portfolio.get', { itemId: '4.1' });
    expect(updated.fields.duration).toBe('Two weekends in early 2026');
    expect(updated.prefilled).toEqual([]);
    expect(updated.loggedHours).toBe(7);
  });
});

describe('autosave', () => {
  it('merges each partial update into what is stored, and keeps it across a restart', () => {
    app.clock.now = T0 + 5 * MINUTE_MS;
    const first = app.call('portfolio.update', {
      itemId: '4.2',
      fields: { problemStatement: 'Nightly scoring of 2M customers took 6 hours.' },
    });
    expect(first).toMatchObject({ updatedAt: T0 + 5 * MINUTE_MS, included: true });
    app.clock.now = T0 + 6 * MINUTE_MS;
    app.call('portfolio.update', {
      itemId: '4.2',
      fields: { lessonsLearned: 'Partition early.' },
      links: { liveDemo: 'https://demo.example.com' },
    });

    app.reopen();

    const entry = app.call('portfolio.get', { itemId: '4.2' });
    expect(entry.fields).toMatchObject({
      projectTitle: 'Batch Prediction System',
      problemStatement: 'Nightly scoring of 2M customers took 6 hours.',
      lessonsLearned: 'Partition early.',
      solutionArchitecture: '',
    });
    expect(entry.links).toEqual({ githubRepository: '', liveDemo: 'https://demo.example.com', documentation: '' });
    expect(entry.updatedAt).toBe(T0 + 6 * MINUTE_MS);
    expect(entry.prefilled).toEqual(['projectTitle', 'technologiesUsed']);

    // The row holds only what the learner typed, as JSON.
    const row = app.db
      .prepare('SELECT included, fields, links, created_at FROM portfolio_entries WHERE item_id = ?')
      .get('4.2') as Record<string, unknown>;
    expect(JSON.parse(row.fields as string)).toEqual({
      problemStatement: 'Nightly scoring of 2M customers took 6 hours.',
      lessonsLearned: 'Partition early.',
    });
    expect(row).toMatchObject({ included: 1, created_at: T0 + 5 * MINUTE_MS });
  });

  it('keeps every character of a field, trailing spaces and new lines too', () => {
    const text = 'First line.\n\n- a bullet  \n“quotes” and emoji 🚀 ';
    app.call('portfolio.update', { itemId: '5.1', fields: { keyChallenges: text } });
    app.reopen();
    expect(app.call('portfolio.get', { itemId: '5.1' }).fields.keyChallenges).toBe(text);
  });

  it('keeps the default inclusion until the learner changes it, then keeps their choice', () => {
    app.call('portfolio.update', { itemId: '2.3', fields: { resultsImpact: '91% on CIFAR-10.' } });
    expect(app.call('portfolio.get', { itemId: '2.3' }).included).toBe(false);
    app.call('portfolio.update', { itemId: '2.3', included: true });
    app.call('portfolio.update', { itemId: '4.3', included: false });
    app.reopen();
    expect(app.call('portfolio.get', { itemId: '2.3' })).toMatchObject({
      included: true,
      fields: { resultsImpact: '91% on CIFAR-10.' },
    });
    expect(app.call('portfolio.get', { itemId: '4.3' }).included).toBe(false);
    app.call('portfolio.update', { itemId: '4.3', fields: { futureImprovements: 'GPU nodes.' } });
    expect(app.call('portfolio.get', { itemId: '4.3' }).included).toBe(false);
  });

  it('reads a damaged stored row as the pre-fill instead of failing', () => {
    app.call('portfolio.update', { itemId: '4.1', fields: { problemStatement: 'x' } });
    app.db.prepare("UPDATE portfolio_entries SET fields = '{not json', links = '[1,2]' WHERE item_id = '4.1'").run();
    const entry = app.call('portfolio.get', { itemId: '4.1' });
    expect(entry.fields.problemStatement).toBe('');
    expect(entry.links.githubRepository).toBe('');
    app.call('portfolio.update', { itemId: '4.1', fields: { problemStatement: 'again' } });
    expect(app.call('portfolio.get', { itemId: '4.1' }).fields.problemStatement).toBe('again');
  });
});

describe('links', () => {
  it.each(['ftp://x', 'javascript:alert(1)', 'github.com/me', 'https://', 'file:///etc/passwd'])(
    'refuses %s and changes nothing',
    (link) => {
      app.call('portfolio.update', {
        itemId: '4.1',
        fields: { problemStatement: 'kept' },
        links: { githubRepository: 'https://github.com/me/old' },
      });
      const before = dumpDatabase(app.db);
      for (const key of ['githubRepository', 'liveDemo', 'documentation']) {
        const result = app.raw('portfolio.update', {
          itemId: '4.1',
          fields: { problemStatement: 'changed' },
          links: { [key]: link },
        });
        expect(result).toEqual({
          ok: false,
          error: { code: 'INVALID_INPUT', message: WEB_LINK_MESSAGE, fields: { [`links.${key}`]: WEB_LINK_MESSAGE } },
        });
      }
      expect(dumpDatabase(app.db)).toBe(before);
    },
  );

  it('accepts a web address, trimmed, and an empty link clears one', () => {
    const entry = app.call('portfolio.update', {
      itemId: '4.1',
      links: { githubRepository: '  https://github.com/me/p  ', documentation: 'http://docs.example.com/p' },
    });
    expect(entry.links).toEqual({
      githubRepository: 'https://github.com/me/p',
      liveDemo: '',
      documentation: 'http://docs.example.com/p',
    });
    app.call('portfolio.update', { itemId: '4.1', links: { documentation: '' } });
    app.reopen();
    expect(app.call('portfolio.get', { itemId: '4.1' }).links).toEqual({
      githubRepository: 'https://github.com/me/p',
      liveDemo: '',
      documentation: '',
    });
  });
});

describe('self-assessment', () => {
  it('weighs fixed scores 40/30/20/10 and stores the total', () => {
    const { saved, history } = app.call('assessment.save', { itemId: '4.1', scores: mixed });
    expect(saved).toMatchObject({
      itemId: '4.1',
      assessedAt: T0,
      scores: mixed,
      categoryPercents: { technical: 80, mlops: 60, innovation: 88, communication: 48 },
      weightedTotal: 72.4,
    });
    expect(history).toEqual([saved]);
    const row = app.db.prepare('SELECT scores, weighted_total, assessed_at FROM self_assessments').get() as Record<
      string,
      unknown
    >;
    expect(row).toEqual({ scores: JSON.stringify(mixed), weighted_total: 72.4, assessed_at: T0 });
    expect(app.call('assessment.save', { itemId: '4.1', scores: all(5) }).saved.weightedTotal).toBe(100);
    expect(app.call('assessment.save', { itemId: '4.1', scores: all(1) }).saved.weightedTotal).toBe(20);
  });

  it('keeps every saved assessment with its date, oldest first, across a restart', () => {
    const dates = [T0 - 20 * DAY_MS, T0 - 6 * DAY_MS, T0];
    const scores = [all(2), mixed, all(4)];
    let last;
    for (let i = 0; i < 3; i++) {
      app.clock.now = dates[i]!;
      last = app.call('assessment.save', { itemId: '4.2', scores: scores[i]! });
      expect(last.history).toHaveLength(i + 1);
    }
    app.call('assessment.save', { itemId: '4.1', scores: all(5) }); // another item: its own history
    app.reopen();
    const { history } = app.call('assessment.history', { itemId: '4.2' });
    expect(history).toEqual(last!.history);
    expect(history.map((a) => [a.assessedAt, a.weightedTotal])).toEqual([
      [dates[0], 40],
      [dates[1], 72.4],
      [dates[2], 80],
    ]);
    expect(app.call('portfolio.get', { itemId: '4.2' }).latestAssessment).toEqual(history[2]);
    expect(app.call('portfolio.list').entries.find((e) => e.itemId === '4.1')!.latestAssessment!.weightedTotal).toBe(
      100,
    );
    expect(app.call('assessment.history', { itemId: '4.3' }).history).toEqual([]);
  });

  it('orders two assessments in the same millisecond by when they were saved', () => {
    app.call('assessment.save', { itemId: '4.1', scores: all(2) });
    const { history } = app.call('assessment.save', { itemId: '4.1', scores: all(3) });
    expect(history.map((a) => a.weightedTotal)).toEqual([40, 60]);
    expect(app.call('portfolio.get', { itemId: '4.1' }).latestAssessment!.weightedTotal).toBe(60);
  });
});

describe('milestones', () => {
  const entry = (id: string) =>
    app
      .call('milestones.get')
      .checklists.flatMap((c) => c.entries)
      .find((e) => e.id === id)!;

  it('lists the four checklists, rules where they exist, nothing done on a fresh database', () => {
    const { checklists } = app.call('milestones.get');
    expect(checklists.map((c) => c.id)).toEqual(['phase1', 'phase2', 'phase3', 'portfolio']);
    const entries = checklists.flatMap((c) => c.entries);
    expect(entries).toHaveLength(20);
    expect(entries.every((e) => !e.done && !e.ticked)).toBe(true);
    expect(entries.filter((e) => e.rule).map((e) => e.id)).toEqual([
      'phase1.1',
      'phase2.1',
      'phase2.2',
      'phase2.3',
      'phase3.1',
      'phase3.3',
      'phase3.4',
      'phase3.5',
      'portfolio.1',
      'portfolio.2',
    ]);
    expect(entry('phase2.2')).toEqual({
      id: 'phase2.2',
      text: 'CI/CD pipeline for ML',
      rule: {
        met: false,
        reason: 'Not yet: Project 5.2 (CI/CD for ML Models) is not started yet; this ticks when it is done.',
      },
      ticked: false,
      done: false,
    });
  });

  it('tick themselves when an item is marked done, and untick when it is not', () => {
    app.call('item.setStatus', { itemId: '5.2', status: 'done' });
    expect(entry('phase2.2')).toMatchObject({
      rule: { met: true, reason: 'Project 5.2 (CI/CD for ML Models) is done.' },
      done: true,
      ticked: false,
    });
    for (const id of ['1.1', '1.2', '1.3', '2.1']) app.call('item.setStatus', { itemId: id, status: 'done' });
    expect(entry('phase1.1')).toMatchObject({ done: true, rule: { reason: '5 items done (5 or more needed).' } });
    app.call('item.setStatus', { itemId: '5.2', status: 'in_progress' });
    expect(entry('phase2.2')).toMatchObject({ done: false, rule: { met: false } });
    expect(entry('phase1.1').rule!.reason).toBe('Not yet: 4 of the 5 items needed are done.');
  });

  it('tick portfolio.2 from three included entries with a repository and documentation', () => {
    const links = (name: string) => ({
      githubRepository: `https://github.com/me/${name}`,
      documentation: `https://me.github.io/${name}`,
    });
    app.call('portfolio.update', { itemId: '4.1', links: links('api') });
    app.call('portfolio.update', { itemId: '4.2', links: links('batch') });
    app.call('portfolio.update', { itemId: '2.3', links: links('cv') }); // an exercise: out of the PDF by default
    expect(entry('portfolio.2')).toMatchObject({
      done: false,
      rule: { reason: expect.stringMatching(/^Not yet: 2 of the 3/) },
    });
    app.call('portfolio.update', { itemId: '2.3', included: true });
    expect(entry('portfolio.2')).toMatchObject({ done: true, rule: { met: true } });
  });

  it('keeps a manual tick across a restart, and takes it back', () => {
    app.clock.now = T0 + MINUTE_MS;
    const after = app.call('milestones.tick', { entryId: 'phase1.2', ticked: true });
    expect(after.checklists[0]!.entries[1]).toEqual({
      id: 'phase1.2',
      text: 'Comfortable with Python ML stack',
      rule: null,
      ticked: true,
      done: true,
    });
    app.call('milestones.tick', { entryId: 'phase1.2', ticked: true }); // twice is once
    expect(app.db.prepare('SELECT * FROM milestone_ticks').all()).toEqual([
      { entry_id: 'phase1.2', ticked_at: T0 + MINUTE_MS },
    ]);
    app.reopen();
    expect(entry('phase1.2')).toMatchObject({ ticked: true, done: true });
    app.call('milestones.tick', { entryId: 'phase1.2', ticked: false });
    expect(entry('phase1.2')).toMatchObject({ ticked: false, done: false });
    app.call('milestones.tick', { entryId: 'phase1.2', ticked: false });
    expect(app.db.prepare('SELECT COUNT(*) FROM milestone_ticks').pluck().get()).toBe(0);
  });

  it('refuse a tick by hand on an entry the logbook decides, saying why, and write nothing', () => {
    app.call('item.setStatus', { itemId: '4.1', status: 'done' });
    const before = dumpDatabase(app.db);
    expect(app.raw('milestones.tick', { entryId: 'phase2.1', ticked: false })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This milestone is ticked from your logbook: Project 4.1 (Model API Service) is done.',
      },
    });
    expect(app.raw('milestones.tick', { entryId: 'phase2.3', ticked: true })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'This milestone is ticked from your logbook: Not yet: Project 6.1 (Model Performance Dashboard) is not started yet; this ticks when it is done.',
      },
    });
    expect(app.raw('milestones.tick', { entryId: 'phase1.9', ticked: true })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no milestone "phase1.9".' },
    });
    expect(dumpDatabase(app.db)).toBe(before);
  });
});

describe('the PDF export', () => {
  it('needs the desktop app: the preview and the tests have no exporter', async () => {
    const before = dumpDatabase(app.db);
    expect(await app.rawAsync('portfolio.exportPdf', { paper: 'A4' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: PDF_NEEDS_DESKTOP_MESSAGE },
    });
    expect(PDF_NEEDS_DESKTOP_MESSAGE).toBe(
      'Saving the portfolio as a PDF needs the desktop app. In the browser preview, use `npm run pdf`.',
    );
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('hands the paper size to the desktop exporter and returns what it did', async () => {
    const exportPdf = vi.fn(async (paper: 'A4' | 'Letter') => ({
      saved: true,
      fileName: `portfolio-${paper}.pdf`,
      pages: 3,
      bytes: 48_213,
    }));
    app.ctx.exportPdf = exportPdf;
    expect(await app.callAsync('portfolio.exportPdf', { paper: 'Letter' })).toEqual({
      saved: true,
      fileName: 'portfolio-Letter.pdf',
      pages: 3,
      bytes: 48_213,
    });
    expect(exportPdf).toHaveBeenCalledWith('Letter');
    exportPdf.mockResolvedValueOnce({ saved: false, fileName: '', pages: 0, bytes: 0 });
    expect(await app.callAsync('portfolio.exportPdf', { paper: 'A4' })).toEqual({
      saved: false,
      fileName: '',
      pages: 0,
      bytes: 0,
    });
  });

  it('turns an exporter that fails into the usual plain INTERNAL error', async () => {
    app.ctx.exportPdf = async () => {
      throw new Error('printToPDF failed');
    };
    expect(await app.rawAsync('portfolio.exportPdf', { paper: 'A4' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('is refused by the synchronous dispatcher, before the exporter runs', () => {
    const exportPdf = vi.fn(async () => ({ saved: true, fileName: 'x.pdf', pages: 1, bytes: 1 }));
    app.ctx.exportPdf = exportPdf;
    const faults: unknown[] = [];
    const result = dispatch(
      handlers,
      app.ctx,
      'portfolio.exportPdf',
      { paper: 'A4' },
      { onInternalError: (_c, e) => faults.push(e) },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(faults[0])).toMatch(/asynchronous: call it through dispatchAsync/);
    expect(exportPdf).not.toHaveBeenCalled();
  });
});

describe('every field of the template', () => {
  it('round-trips all nine fields and three links in one update', () => {
    const fields = Object.fromEntries(portfolioFieldKeys.map((k) => [k, `${k} text`]));
    const links = {
      githubRepository: 'https://github.com/me/p',
      liveDemo: 'https://p.example.com',
      documentation: 'https://me.github.io/p',
    };
    app.call('portfolio.update', { itemId: '9.2', fields, links });
    app.reopen();
    expect(app.call('portfolio.get', { itemId: '9.2' })).toMatchObject({ fields, links, prefilled: [] });
  });
});
