// The sentences a refused input gets: written from the schemas' own messages where they have one,
// from the issue otherwise, never with a field path or zod's wording (issue 12, item 2).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { describeIssues } from '../../shared/validation';

const problems = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a refusal');
  return describeIssues(result.error, input);
};

describe('describeIssues', () => {
  it('keeps zod to its side of the rule: its own messages never end with a full stop', () => {
    // The rule that tells a schema's sentence from zod's default; a zod upgrade that changed it would show here.
    const samples: [z.ZodType, unknown][] = [
      [z.number(), 'x'],
      [z.number().int(), 1.5],
      [z.number().min(1), 0],
      [z.number().max(1), 2],
      [z.string().max(2), 'abc'],
      [z.string().regex(/^a$/), 'b'],
      [z.enum(['a', 'b']), 'c'],
      [z.strictObject({}), { x: 1 }],
      [z.array(z.number()).length(2), [1]],
    ];
    for (const [schema, input] of samples) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      for (const issue of result.error!.issues) expect(issue.message).not.toMatch(/\.$/);
    }
  });

  it('says what is wrong with a time entry in sentences, each also under its field', () => {
    const start = Date.UTC(2026, 2, 2, 15);
    expect(problems(contract['time.add'].input, { itemId: '1.1', startedAt: start, endedAt: start })).toEqual({
      message: 'The end must be after the start.',
      fields: { endedAt: 'The end must be after the start.' },
    });
    expect(problems(contract['time.add'].input, { itemId: '1.1', endedAt: start })).toEqual({
      message: 'The start is missing.',
      fields: { startedAt: 'The start is missing.' },
    });
  });

  it('writes zod’s defaults as sentences about the field', () => {
    const settings = contract['settings.update'].input;
    expect(problems(settings, { focusWorkMinutes: 0 }).message).toBe('The work interval must be at least 1.');
    expect(problems(settings, { focusWorkMinutes: 1.5 }).message).toBe('The work interval must be a whole number.');
    expect(problems(settings, { theme: 'neon' }).message).toBe('The theme must be one of: system, light, dark.');
    expect(problems(settings, { weeklyGoalHours: 0 }).fields).toEqual({
      weeklyGoalHours: 'A weekly goal is at least half an hour.',
    });
  });

  it('counts the problems it does not list, and lists a repeated one once', () => {
    const schema = z.strictObject({
      a: z.number(),
      b: z.number(),
      c: z.number(),
      d: z.number(),
      e: z.number(),
      f: z.number(),
      g: z.number(),
    });
    const result = problems(schema, { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x', g: 'x' });
    expect(result.message).toBe(
      'The field "a" must be a number. The field "b" must be a number. The field "c" must be a number. The field "d" must be a number. The field "e" must be a number. 2 more problems were found.',
    );
    expect(Object.keys(result.fields)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(problems(z.array(z.number()), ['x', 'y']).message).toBe('A value must be a number.');
  });
});
