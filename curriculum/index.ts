// Loads the curriculum data file and checks it against the shared schema, so a bad edit to
// curriculum.json fails loudly at start-up instead of showing up as odd numbers in the UI.
import raw from './curriculum.json' with { type: 'json' };
import { curriculumSchema, type Curriculum } from '../shared/curriculum';

/** Parses `data` (the bundled curriculum.json by default); throws a readable Error if it is invalid. */
export function loadCurriculum(data: unknown = raw): Curriculum {
  const result = curriculumSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  throw new Error(`The curriculum data is invalid:\n${lines.join('\n')}`);
}

let cached: Curriculum | undefined;

/** The bundled curriculum, validated on first use and cached after that. */
export function getCurriculum(): Curriculum {
  cached ??= loadCurriculum();
  return cached;
}
