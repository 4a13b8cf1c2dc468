import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/chromium';

/** The part of the `ws` client this needs (Node 20 has no WebSocket of its own). */
type RawSocket = {
  on(event: 'message', listener: (data: Buffer) => void): void;
  once(event: 'open' | 'error', listener: (arg?: unknown) => void): void;
  send(text: string): void;
  close(): void;
};
// playwright-core ships the `ws` client it drives Chromium with (untyped, hence the cast).
const { ws: WebSocket } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  ws: new (url: string, options: object) => RawSocket;
};

/**
 * The longest main-thread task of an action on a page that no DevTools client watches the network
 * of. Playwright enables DevTools' network agent on its pages, and that agent keeps every
 * response's body and decodes it as text when it ends: for the 13–16 million characters of the Map's
 * and the grid's first answers at L, one more task of 230–270 ms on the page's main thread that the
 * app (and a user's window) never has. Here Chromium is driven over its DevTools protocol directly,
 * with only the page and runtime domains: the probe (page-probe.js) is put into every document and
 * its `withFreeze` is evaluated, exactly as the Playwright figures do.
 */
export async function freezesWithoutDevtools(
  url: string,
  probeFile: string,
  action: { name: string; args: string[]; fresh: boolean },
  runs: number,
): Promise<number[]> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-bench-raw-'));
  const chromium = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      ...CHROMIUM_ARGS,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--window-size=1440,900',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('Chromium gave no DevTools address')), 20_000);
      chromium.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const { port } = new URL(endpoint);
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      type: string;
      webSocketDebuggerUrl: string;
    }[];
    const page = targets.find((t) => t.type === 'page');
    if (!page) throw new Error('Chromium has no page');
    const socket = new WebSocket(page.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1 << 28 });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    let lastId = 0;
    const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    });
    const send = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve, reject) => {
        lastId += 1;
        waiting.set(lastId, (message) =>
          message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result),
        );
        socket.send(JSON.stringify({ id: lastId, method, params }));
      });
    const evaluate = async (expression: string): Promise<unknown> => {
      const answer = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
        result?: { value?: unknown };
        exceptionDetails?: { text?: string; exception?: { description?: string } };
      };
      if (answer.exceptionDetails)
        throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text ?? 'error');
      return answer.result?.value;
    };
    const load = async () => {
      await send('Page.navigate', { url: `${url}#/settings` });
      for (let i = 0; i < 400; i += 1) {
        if ((await evaluate(`!!document.querySelector('[data-testid="nav-settings"]') && !!window.__bench`)) === true)
          return;
        await sleep(50);
      }
      throw new Error('the app did not start');
    };
    await send('Page.enable');
    await send('Page.addScriptToEvaluateOnNewDocument', { source: readFileSync(probeFile, 'utf8') });
    const call = `window.__bench.withFreeze(${[action.name, ...action.args].map((a) => JSON.stringify(a)).join(', ')})`;
    const frozen: number[] = [];
    await load();
    // A first run loads the code (a warm-up, as in the Playwright figures).
    for (let run = 0; run <= runs; run += 1) {
      if (action.fresh || run === 0) await load();
      else await evaluate('window.__bench.showScreenWithoutGrid("#/settings")');
      const value = (await evaluate(call)) as { frozen?: unknown };
      if (typeof value.frozen !== 'number') throw new Error(`${action.name} gave ${JSON.stringify(value)}`);
      if (run > 0) frozen.push(value.frozen);
    }
    socket.close();
    return frozen;
  } finally {
    chromium.kill();
    await sleep(300);
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
