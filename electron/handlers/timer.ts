// The timer channels over the one running timer (electron/store/timer).
import { AppError } from '../../shared/errors';
import { readTimer, startTimer, stopTimer } from '../store/timer';
import { requireItem, type HandlerGroup } from './context';

export const timerHandlers: HandlerGroup<'timer.current' | 'timer.start' | 'timer.stop'> = {
  'timer.current': (ctx) => readTimer(ctx),

  'timer.start': (ctx, { itemId, note }) => {
    requireItem(ctx, itemId);
    return startTimer(ctx, itemId, note);
  },

  'timer.stop': (ctx) => {
    const stop = stopTimer(ctx);
    if (!stop) throw new AppError('CONFLICT', 'No timer is running.');
    return stop;
  },
};
