import type { appChannels } from '../../../shared/ipc/channels/app';
import type { AppContext } from '../context';
import { demoStatus, removeDemoData } from '../services/demo-service';
import { appInfo, loadDemo } from '../services/registry-service';
import type { HandlersFor } from './types';

export const appHandlers = (ctx: AppContext) =>
  ({
    'jobs:cancel': ({ jobId }) => Promise.resolve({ cancelled: ctx.jobs.cancel(jobId) }),
    'app:info': () => appInfo(ctx),
    'app:loadDemo': () => loadDemo(ctx),
    'demo:status': () => demoStatus(ctx),
    'demo:remove': () => removeDemoData(ctx),
    'prefs:get': () => ctx.preferences.get(),
    'prefs:set': (patch) => ctx.preferences.set(patch),
  }) satisfies HandlersFor<typeof appChannels>;
