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
    expect(csp).toContain("object-src 'none'");
  });
});
