// Words the document's sections share: the learner's name, an entry's title, a score.
import type { CurriculumItem } from '../../shared/curriculum';
import type { Assessment } from '../../shared/schemas/assessment';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import type { Settings } from '../../shared/schemas/settings';

export const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
export const learnerNameOf = (settings: Settings) => settings.learnerName.trim() || 'MLOps learner';
export const printTitle = (settings: Settings) => `${learnerNameOf(settings)} – MLOps Portfolio`;
export const entryTitle = (entry: PortfolioEntry, item: CurriculumItem) =>
  entry.fields.projectTitle.trim() || item.title;
export const formatScore = (assessment: Pick<Assessment, 'weightedTotal'>) =>
  `${assessment.weightedTotal.toFixed(1)} / 100`;
