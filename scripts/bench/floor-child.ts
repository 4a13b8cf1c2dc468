// A process of its own for a floor (apart.ts): one request, one answer.
import type { FloorRequest } from './apart';
import { timeBareSelect } from './bare-select';
import { timeRawImport } from './raw-import';
import { timeStreamingWriter } from './writer-floor';

process.once('message', (floor: FloorRequest) => {
  const timing =
    floor.kind === 'bare-select'
      ? timeBareSelect(floor.request)
      : floor.kind === 'raw-import'
        ? timeRawImport(floor.request)
        : timeStreamingWriter(floor.request);
  timing.then(
    (times) => process.send?.({ times }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
  );
});
