import type { HandlerGroup } from './context';

export const curriculumHandlers: HandlerGroup<'curriculum.get'> = {
  'curriculum.get': (ctx) => ctx.curriculum,
};
