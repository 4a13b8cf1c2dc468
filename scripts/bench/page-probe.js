/* global window, document, requestAnimationFrame, MutationObserver, HTMLInputElement */
// Injected into every benchmark page (Playwright addInitScript) before the page's own scripts.
// Timestamps are taken in the page with performance.now(): the clock starts right before the
// action (route change, grid creation, typing) and stops after the frame that shows the rows.
(() => {
  const TIMEOUT_MS = 120000;

  /** Distinct data rows the grid under `rootSelector` has in the DOM (pinned copies counted once). */
  const rowCount = (rootSelector) => {
    const root = document.querySelector(rootSelector);
    if (!root) return 0;
    const ids = new Set();
    for (const row of root.querySelectorAll('.ag-row[row-index]')) ids.add(row.getAttribute('row-index'));
    return ids.size;
  };

  /** Resolves after the next frame has been painted (rAF, then a task after it). */
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  /** Resolves as soon as `predicate()` holds: checked on every DOM mutation batch and every frame. */
  const until = (predicate, what, timeoutMs = TIMEOUT_MS) =>
    new Promise((resolve, reject) => {
      let done = false;
      const finish = (error) => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (done) return;
        try {
          if (predicate()) finish();
        } catch (error) {
          finish(error);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.documentElement, { childList: true, subtree: true });
      const timer = setTimeout(() => finish(new Error(`Timed out waiting for ${what}`)), timeoutMs);
      const frame = () => {
        check();
        if (!done) requestAnimationFrame(frame);
      };
      frame();
    });

  const timed = async (action, predicate, what, timeoutMs) => {
    const start = performance.now();
    action();
    await until(predicate, what, timeoutMs);
    await afterPaint();
    return performance.now() - start;
  };

  /** Types into a React-controlled input the way a user's keystrokes reach it. */
  const typeInto = (input, text) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!setter) throw new Error('no value setter');
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const searchInput = () => {
    const input = document.querySelector('main [data-testid="quick-search"]');
    if (!input) throw new Error('The screen has no quick search box ([data-testid="quick-search"])');
    return input;
  };

  // Long tasks (over 50 ms) the page's main thread ran: the moments the window could not respond.
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // no long task timing in this browser: the freeze figure stays empty
  }

  // The first start: the moment the first grid rows of the page are painted, watched from the
  // document's start (this script runs before the page's own), in ms since the navigation began.
  let firstRowsAt = null;
  const firstRowsWatch = new MutationObserver(() => {
    if (firstRowsAt !== null || rowCount('main') === 0) return;
    firstRowsWatch.disconnect();
    firstRowsAt = -1;
    requestAnimationFrame(() =>
      setTimeout(() => {
        firstRowsAt = performance.now();
      }, 0),
    );
  });
  firstRowsWatch.observe(document, { childList: true, subtree: true });

  /** Clicks a column header of a grid; times until the grid shows that sort. */
  const sortGrid = (root, colId, direction) =>
    timed(
      () => {
        const label = document.querySelector(`${root} .ag-header-cell[col-id="${colId}"] .ag-header-cell-label`);
        if (!label) throw new Error(`no header ${colId}`);
        label.click();
      },
      () =>
        document.querySelector(`${root} .ag-header-cell[col-id="${colId}"]`)?.getAttribute('aria-sort') === direction,
      `sort ${direction} by ${colId}`,
    );

  window.__bench = {
    rowCount,
    /** Waits for the first rows of the page; their time and the JavaScript received before them. */
    firstRows: async () => {
      await until(() => firstRowsAt !== null && firstRowsAt >= 0, 'the first rows of the page');
      const ms = firstRowsAt;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => /\.m?js(\?|$)/.test(entry.name) && entry.responseEnd <= ms);
      const bytes = scripts.reduce((sum, entry) => sum + (entry.decodedBodySize || entry.encodedBodySize || 0), 0);
      return { ms, bytes, scripts: scripts.length };
    },
    /** Runs a timed action of this probe and also gives the longest time the window was frozen meanwhile (ms). */
    withFreeze: async (action, ...args) => {
      const from = performance.now();
      const ms = await window.__bench[action](...args);
      // Long task entries arrive after the task: give the observer a frame.
      await afterPaint();
      // Every long task that ran after the start (a click's own task began just before it).
      const frozen = longTasks.filter((task) => task.start + task.duration > from).map((task) => task.duration);
      return { ms, frozen: frozen.length > 0 ? Math.max(...frozen) : 0 };
    },
    /**
     * Moves the app to a screen and times it until the screen's grid shows rows and has all of
     * them (a big first load goes into the grid in steps, with a note while it does).
     */
    openScreen: (hash, timeoutMs) =>
      timed(
        () => (window.location.hash = hash),
        () => rowCount('main') > 0 && document.querySelector('main [data-testid="grid-feeding"]') === null,
        `rows of ${hash}`,
        timeoutMs,
      ),
    /** Clicks a column header of the app's grid; times until the grid shows that sort. */
    sortApp: (colId, direction) => sortGrid('main', colId, direction),
    /** The same on the bare AG Grid page. */
    sortBare: (colId, direction) => sortGrid('#grid', colId, direction),
    /** Moves to the Map screen; times until its points are drawn (SVG circles, or the dense image). */
    openMap: () =>
      timed(
        () => (window.location.hash = '#/map'),
        () => document.querySelector('main [data-testid="map-member"], main [data-testid="map-dense"]') !== null,
        'the points of the map',
      ),
    /** Waits (untimed) until the current screen shows no grid, so that the next open starts clean. */
    showScreenWithoutGrid: async (hash) => {
      window.location.hash = hash;
      await until(() => rowCount('main') === 0, `no grid on ${hash}`);
      await afterPaint();
    },
    /** Types the search text into the app's quick search; times until `expected` rows are drawn. */
    searchApp: (text, expected) =>
      timed(
        () => typeInto(searchInput(), text),
        () => rowCount('main') === expected,
        `${expected} row(s) for "${text}"`,
      ),
    clearApp: async () => {
      typeInto(searchInput(), '');
      await until(() => rowCount('main') > 1, 'the unfiltered rows');
      await afterPaint();
    },
    /** The bare AG Grid page: `window.__bareGrid` is set by that page's own script. */
    openBare: () =>
      timed(
        () => window.__bareGrid.create(),
        () => rowCount('#grid') > 0,
        'rows of the bare grid',
      ),
    /** The bare page fetching the compact rows from a static file and building its grid (6c's floor). */
    openBareFetched: () =>
      timed(
        () => window.__bareGrid.fetchAndCreate(),
        () => rowCount('#grid') > 0,
        'rows of the bare grid fetched from a file',
      ),
    /** The bare canvas page drawing the map's points from a static file (6f's floor). */
    drawBareMap: () =>
      timed(
        () => window.__bareGrid.drawMap(),
        () => document.body.dataset.mapDrawn === 'true',
        'the points of the bare map',
      ),
    searchBare: (text, expected) =>
      timed(
        () => window.__bareGrid.search(text),
        () => rowCount('#grid') === expected,
        `${expected} row(s) for "${text}"`,
      ),
    clearBare: async () => {
      window.__bareGrid.search('');
      await until(() => rowCount('#grid') > 1, 'the unfiltered rows');
      await afterPaint();
    },
    destroyBare: async () => {
      window.__bareGrid.destroy();
      await until(() => rowCount('#grid') === 0, 'the bare grid to go');
    },
  };
})();
