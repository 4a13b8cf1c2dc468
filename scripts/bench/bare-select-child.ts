// A process of its own for the bare SELECT floors of figures 2/2b (bare-select.ts): one request, one answer.
import { timeBareSelect, type BareSelectRequest } from './bare-select';

process.once('message', (request: BareSelectRequest) => {
  timeBareSelect(request).then(
    (times) => process.send?.({ times }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
  );
});
