// The learner's settings: read over defaults, updated key by key (electron/store/settings).
import { AppError } from '../../shared/errors';
import { readSettings, writeLearnerSettings } from '../store/settings';
import type { HandlerGroup } from './context';

export const settingsHandlers: HandlerGroup<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => readSettings(ctx),

  'settings.update': (ctx, input) => {
    // Only the settings given a value: `{ theme: undefined }` must neither unset a setting nor write "undefined".
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const next = { ...readSettings(ctx), ...changes };
    if (next.targetDate <= next.planStartDate) {
      throw new AppError('INVALID_INPUT', 'The target date must be after the plan start date.');
    }
    writeLearnerSettings(ctx, changes);
    return readSettings(ctx);
  },
};
