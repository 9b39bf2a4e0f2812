import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import raw from '../../curriculum/curriculum.json';
import { loadCurriculum, getCurriculum } from '../../curriculum';
import {
  criterionIds,
  itemById,
  portfolioFieldKeys,
  portfolioLinkKeys,
  type Curriculum,
} from '../../shared/curriculum';

const copy = (): Curriculum => structuredClone(raw) as Curriculum;

const totals = (items: Curriculum['items']) => ({
  min: items.reduce((sum, i) => sum + i.estimate.minHours, 0),
  max: items.reduce((sum, i) => sum + i.estimate.maxHours, 0),
});

describe('curriculum.json', () => {
  const c = loadCurriculum();

  it('is valid against the schema, and getCurriculum caches it', () => {
    expect(c.title).toBe('MLOps Practical Exercises & Projects');
    expect(getCurriculum()).toBe(getCurriculum());
  });

  it('has 24 items in seed order: 9 exercises and 15 projects', () => {
    expect(c.items).toHaveLength(24);
    expect(c.items.filter((i) => i.kind === 'exercise')).toHaveLength(9);
    expect(c.items.filter((i) => i.kind === 'project')).toHaveLength(15);
    expect(c.items.map((i) => i.id)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '4.3',
      '5.1',
      '5.2',
      '5.3',
      '6.1',
      '6.2',
      '6.3',
      '7.1',
      '7.2',
      '8.1',
      '8.2',
      '9.1',
      '9.2',
    ]);
    for (const item of c.items) expect(item.month).toBe(Number(item.id.split('.')[0]));
  });

  it('estimates 311 to 396 hours in all, and 54-72, 129-167, 128-157 by phase', () => {
    expect(totals(c.items)).toEqual({ min: 311, max: 396 });
    const byPhase = [1, 2, 3].map((p) => totals(c.items.filter((i) => i.phase === p)));
    expect(byPhase).toEqual([
      { min: 54, max: 72 },
      { min: 129, max: 167 },
      { min: 128, max: 157 },
    ]);
  });

  it('weighs the criteria 40/30/20/10 with 5 sub-criteria each', () => {
    expect(c.evaluationCriteria.map((k) => [k.id, k.weight])).toEqual([
      ['technical', 40],
      ['mlops', 30],
      ['innovation', 20],
      ['communication', 10],
    ]);
    for (const k of c.evaluationCriteria) expect(k.subCriteria).toHaveLength(5);
  });

  it('uses exactly the template keys and criterion ids the code is typed with, in their order', () => {
    // Read from the raw file: the schema already refuses a key outside the lists, not one missing.
    expect(raw.portfolioTemplate.fields.map((f) => f.key)).toEqual([...portfolioFieldKeys]);
    expect(raw.portfolioTemplate.links.map((l) => l.key)).toEqual([...portfolioLinkKeys]);
    expect(raw.evaluationCriteria.map((k) => k.id)).toEqual([...criterionIds]);
  });

  it('refuses a template field or a criterion the code does not know, saying where', () => {
    const bad = copy() as unknown as {
      portfolioTemplate: { fields: { key: string }[] };
      evaluationCriteria: { id: string }[];
    };
    bad.portfolioTemplate.fields[1]!.key = 'timeline';
    bad.evaluationCriteria[2]!.id = 'creativity';
    expect(() => loadCurriculum(bad)).toThrow(/portfolioTemplate\.fields\.1\.key: /);
    expect(() => loadCurriculum(bad)).toThrow(/evaluationCriteria\.2\.id: /);
  });

  it('finds an item by its id, and nothing for an id it does not have', () => {
    expect(itemById(c.items, '4.2')?.title).toBe(c.items[10]!.title);
    expect(itemById(c.items, '4.9')).toBeUndefined();
    expect(itemById(c.items, null)).toBeUndefined();
  });

  it('refuses an item whose minHours exceeds its maxHours, saying where', () => {
    const bad = copy();
    bad.items[3]!.estimate = { minHours: 9, maxHours: 2 };
    expect(() => loadCurriculum(bad)).toThrow(/^The curriculum data is invalid:\n/);
    expect(() => loadCurriculum(bad)).toThrow('items.3.estimate: minHours must not exceed maxHours');
  });

  it('refuses a copy with 23 items', () => {
    const bad = copy();
    bad.items.pop();
    let message = '';
    try {
      loadCurriculum(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^The curriculum data is invalid:\n/);
    expect(message.split('\n').slice(1)).toEqual([expect.stringMatching(/^items: .*24/)]);
  });

  it('refuses things that are not a curriculum at all', () => {
    expect(() => loadCurriculum(null)).toThrow(/^The curriculum data is invalid:\n\(root\): /);
  });
});

// ---------------------------------------------------------------------------------------------
// Faithfulness: parse the seed markdown independently and compare it with the JSON.

const seedPath = path.resolve(__dirname, '../../../shared/seed/mlops-practical-exercises.md');
const seedExists = fs.existsSync(seedPath);
if (!seedExists) {
  console.warn(
    `Skipping the curriculum faithfulness tests: the seed markdown is not at ${seedPath} (it lives beside the repo, not in it).`,
  );
}

interface SeedItem {
  id: string;
  kind: string;
  phase: number;
  title: string;
  objective: string;
  estimate: { minHours: number; maxHours: number };
  tools: string[];
  dataset?: string;
  list: { title: string; ordered: boolean; entries: string[] };
  deliverable: string;
}

const field = (block: string, name: string): string | undefined =>
  new RegExp(`^\\*\\*${name}\\*\\*: (.+)$`, 'm').exec(block)?.[1];

function parseItems(md: string): SeedItem[] {
  const items: SeedItem[] = [];
  // Each "## ... Phase N ..." section owns the items inside it.
  for (const section of md.split(/^## /m)) {
    const phase = /^.*Phase (\d) (?:Exercises|Projects):/.exec(section);
    if (!phase) continue;
    const chunks = section.split(/^#### (?=Exercise |Project )/m).slice(1);
    for (const chunk of chunks) {
      const block = chunk.split(/^(?:---|### )/m)[0]!; // stop at the next month heading or rule
      const head = /^(Exercise|Project) (\d\.\d): (.+)$/m.exec(block)!;
      const time = /^(\d+)-(\d+) hours$/.exec(field(block, 'Time')!)!;
      const list = /^\*\*(\w+)\*\*:\n((?:(?:\d+\.|-) .+\n?)+)/m.exec(block)!;
      const lines = list[2]!.trim().split('\n');
      const tools = field(block, 'Tools');
      const dataset = field(block, 'Dataset');
      items.push({
        id: head[2]!,
        kind: head[1]!.toLowerCase(),
        phase: Number(phase[1]),
        title: head[3]!,
        objective: field(block, 'Objective')!,
        estimate: { minHours: Number(time[1]), maxHours: Number(time[2]) },
        tools: tools ? tools.split(', ') : [],
        ...(dataset ? { dataset } : {}),
        list: {
          title: list[1]!,
          ordered: lines.every((l) => /^\d+\. /.test(l)),
          entries: lines.map((l) => l.replace(/^(?:\d+\.|-) /, '')),
        },
        deliverable: field(block, 'Deliverable')!,
      });
    }
  }
  return items;
}

/** The bullet lines directly under `heading` (a whole line of the seed), without the bullet. */
const bulletsUnder = (md: string, heading: string, bullet = '- '): string[] => {
  const start = md.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of md.slice(start + heading.length + 2).split('\n')) {
    if (!line.startsWith(bullet)) break;
    out.push(line.slice(bullet.length));
  }
  return out;
};

describe('curriculum.json is faithful to the seed markdown', () => {
  const md = seedExists ? fs.readFileSync(seedPath, 'utf8').replace(/\r\n/g, '\n') : '';
  const c = loadCurriculum();

  it.skipIf(!seedExists)('has every item exactly as the seed writes it', () => {
    const seedItems = parseItems(md);
    expect(seedItems).toHaveLength(24);
    const jsonItems = c.items.map(
      ({ id, kind, phase, title, objective, estimate, tools, dataset, list, deliverable }) => ({
        id,
        kind,
        phase,
        title,
        objective,
        estimate,
        tools,
        ...(dataset !== undefined ? { dataset } : {}),
        list,
        deliverable,
      }),
    );
    // Item by item first, for a readable failure; then the whole list, for order and count.
    for (const [i, seed] of seedItems.entries()) expect(jsonItems[i], `item ${seed.id}`).toEqual(seed);
    expect(jsonItems).toEqual(seedItems);
  });

  it.skipIf(!seedExists)('has the phases and months as the seed titles them', () => {
    const phases = [...md.matchAll(/^## .*Phase (\d) (Exercises|Projects): (.+)$/gm)].map((m) => ({
      number: Number(m[1]),
      title: m[3]!.trim(),
      kind: m[2]!.toLowerCase(),
    }));
    expect(phases).toHaveLength(3);
    expect(c.phases).toEqual(phases);
    const months = [...md.matchAll(/^### Month (\d): (.+)$/gm)].map((m) => ({
      number: Number(m[1]),
      title: m[2]!.trim(),
    }));
    expect(months).toHaveLength(9);
    expect(c.months.map(({ number, title }) => ({ number, title }))).toEqual(months);
  });

  it.skipIf(!seedExists)('has the evaluation criteria and their sub-criteria as the seed lists them', () => {
    const criteria = [...md.matchAll(/^#### (.+) \((\d+)%\)$/gm)].map((m) => ({
      title: m[1]!,
      weight: Number(m[2]),
      subCriteria: bulletsUnder(md, m[0]),
    }));
    expect(criteria).toHaveLength(4);
    expect(c.evaluationCriteria.map(({ title, weight, subCriteria }) => ({ title, weight, subCriteria }))).toEqual(
      criteria,
    );
  });

  it.skipIf(!seedExists)('has the milestone checklists as the seed lists them', () => {
    const milestones = [...md.matchAll(/^### (.+ Checklist)$/gm)].map((m) => ({
      title: m[1]!,
      entries: bulletsUnder(md, m[0], '- [ ] '),
    }));
    expect(milestones).toHaveLength(4);
    expect(c.milestones.map((m) => ({ title: m.title, entries: m.entries.map((e) => e.text) }))).toEqual(milestones);
    for (const m of c.milestones)
      expect(m.entries.map((e) => e.id)).toEqual(m.entries.map((_, i) => `${m.id}.${i + 1}`));
  });

  it.skipIf(!seedExists)(
    'has the portfolio template fields and links, and the resources, as the seed gives them',
    () => {
      const templateLabels = [...md.matchAll(/^(?:#### |\*\*)([^*\n]+?)(?:\*\*)?: ?(?:_+)?$/gm)].map((m) => m[1]!);
      const labels = templateLabels.slice(templateLabels.indexOf('Project Title'), templateLabels.indexOf('Links'));
      expect(c.portfolioTemplate.fields.map((f) => f.label)).toEqual(labels);
      expect(c.portfolioTemplate.links.map((l) => l.label)).toEqual(
        bulletsUnder(md, '**Links**:').map((l) => l.replace(/: _+$/, '')),
      );
      const groups = ['Code Templates & Boilerplates', 'Testing & Validation', 'Monitoring & Observability'];
      expect(c.resources.map((g) => g.title)).toEqual(groups);
      for (const group of c.resources) {
        const links = bulletsUnder(md, `### ${group.title}`).map((l) => {
          const m = /^\[(.+)\]\((.+)\)$/.exec(l)!;
          return { title: m[1], url: m[2] };
        });
        expect(links.length).toBeGreaterThan(0);
        expect(group.links).toEqual(links);
      }
    },
  );
});
