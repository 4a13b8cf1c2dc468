import { contentSecurityPolicy, CSP_NONCE_PLACEHOLDER } from '../../shared/security/csp';
import { expect, test } from '../support/web-fixture';

test.describe('the browser bridge is closed to strangers', () => {
  test('the page and the API need the token', async ({ request, webApp }) => {
    const base = `http://127.0.0.1:${webApp.server.port}`;
    expect((await request.get(`${base}/`)).status()).toBe(401);
    expect((await request.post(`${base}/api/invoke/app:info`, { data: {} })).status()).toBe(401);
    const wrong = await request.post(`${base}/api/invoke/app:info`, {
      data: {},
      headers: { 'x-twinreg-token': 'guess' },
    });
    expect(wrong.status()).toBe(401);
    const right = await request.post(`${base}/api/invoke/app:info`, {
      data: {},
      headers: { 'x-twinreg-token': webApp.server.token },
    });
    expect(right.status()).toBe(200);
    expect(await right.json()).toMatchObject({ ok: true });
  });

  test('a foreign Host or Origin is refused', async ({ request, webApp }) => {
    const base = `http://127.0.0.1:${webApp.server.port}`;
    const rebinding = await request.post(`${base}/api/invoke/app:info`, {
      data: {},
      headers: { 'x-twinreg-token': webApp.server.token, host: 'evil.example:80' },
    });
    expect(rebinding.status()).toBe(403);
    const crossSite = await request.post(`${base}/api/invoke/app:info`, {
      data: {},
      headers: { 'x-twinreg-token': webApp.server.token, origin: 'http://evil.example' },
    });
    expect(crossSite.status()).toBe(403);
  });

  test('the page is served with a strict Content-Security-Policy', async ({ request, webApp }) => {
    const response = await request.get(webApp.url);
    expect(response.status()).toBe(200);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    // Styles: our stylesheet, and <style> elements only with this load's nonce.
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9_-]{22,})'/.exec(csp)?.[1] ?? '';
    expect(nonce).not.toBe('');
    // The built page carries the same policy (from the one module) with the same nonce.
    const html = (await response.text()).replaceAll('&#39;', "'");
    expect(html).toContain(`content="${contentSecurityPolicy({ styleNonce: nonce, delivery: 'meta' })}"`);
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
    const next = (await request.get(webApp.url)).headers()['content-security-policy'] ?? '';
    expect(next).not.toContain(nonce);
  });
});

test.describe('styles under the Content-Security-Policy', () => {
  test('the grid’s and the charts’ <style> elements carry the nonce and apply; others are refused', async ({
    page,
    webApp,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(webApp.url);
    const grid = page.getByTestId('members-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    // The theme's parameters reach the grid: its CSS was let in.
    const wrapper = grid.locator('.ag-root-wrapper').first();
    await expect(wrapper).toHaveCSS('border-top-left-radius', '8px');
    await expect(wrapper).toHaveCSS('border-top-color', 'rgb(221, 227, 234)');
    await page.getByTestId('nav-statistics').click();
    await expect(page.locator('.stats-chart canvas').first()).toBeVisible();

    const styles = await page.evaluate(() => {
      const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
      const all = [...document.querySelectorAll('style')];
      return {
        nonce: meta?.nonce ?? '',
        // Once the policy applies, the browser hides the attribute's value (not `.nonce`).
        attribute: meta?.getAttribute('nonce'),
        grid: all.filter((style) => style.dataset.agCss !== undefined).length,
        charts: all.filter((style) => style.hasAttribute('data-ag-charts')).length,
        withoutNonce: all.filter((style) => style.nonce !== meta?.nonce).length,
      };
    });
    expect(styles.nonce).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(styles.attribute).toBe('');
    expect(styles.grid).toBeGreaterThan(0);
    expect(styles.charts).toBeGreaterThan(0);
    expect(styles.withoutNonce).toBe(0);
    expect(errors).toEqual([]);

    // A <style> element without the nonce (as injected markup would make) is refused, and the
    // browser says so on the console: the other screen tests, which fail on any console error,
    // therefore fail on any style the policy refuses.
    const refused = await page.evaluate(
      () =>
        new Promise<{ directive: string; outline: string }>((resolve) => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) =>
              resolve({ directive: event.effectiveDirective, outline: getComputedStyle(document.body).outlineStyle }),
            { once: true },
          );
          const style = document.createElement('style');
          style.textContent = 'body { outline: 7px solid red; }';
          document.head.append(style);
        }),
    );
    expect(refused).toEqual({ directive: 'style-src-elem', outline: 'none' });
    await expect.poll(() => errors.join('\n')).toContain('Content Security Policy');
  });
});
