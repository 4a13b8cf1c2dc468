/**
 * The app's Content-Security-Policy, in one place (HOUSE.md §6): the Electron shell (protocol
 * handler and session), the browser bridge and the built `index.html` (a Vite plugin) all take it
 * from here.
 *
 * Styles: no 'unsafe-inline'. Our own CSS is a stylesheet from 'self'. AG Grid (theme CSS),
 * AG Charts (chart CSS) and docx-preview (the document's CSS) add <style> elements at run time;
 * those carry a nonce that is new for every page load. Scripts never get a nonce: 'self' only.
 * Setting `element.style.x` from script (AG Grid, React's `style` prop) is CSSOM and not subject to
 * the policy; `style="…"` attributes in markup are, and are refused.
 */

/**
 * Stands for the nonce in the built `index.html`; whoever serves the page replaces every occurrence
 * with a fresh nonce (`withStyleNonce`). It is deliberately not valid nonce syntax: should the file
 * ever be served unreplaced, browsers drop `'nonce-{{…}}'` from the policy and allow no <style>
 * element at all, rather than one carrying a nonce everybody can read here.
 */
export const CSP_NONCE_PLACEHOLDER = '{{twinreg-csp-nonce}}';

/** base64 / base64url, at least 128 bits: what the servers generate and nothing that could break a header. */
const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{22,}={0,2}$/;

/** True for a nonce this module will put into a policy. */
export const isCspNonce = (value: string): boolean => NONCE_PATTERN.test(value);

/**
 * Where the policy is delivered. A `<meta>` policy must not contain `frame-ancestors` (browsers
 * ignore it there and log an error); the header carries it.
 */
export type CspDelivery = 'header' | 'meta';

/**
 * The policy for one page load. `styleNonce` is the nonce of that load (or the placeholder in the
 * built file); without one, no <style> element is allowed at all (a response that is not our page).
 */
export function contentSecurityPolicy(options: { styleNonce?: string; delivery: CspDelivery }): string {
  const { styleNonce, delivery } = options;
  if (styleNonce !== undefined && styleNonce !== CSP_NONCE_PLACEHOLDER && !isCspNonce(styleNonce)) {
    throw new Error('A CSP nonce must be at least 22 base64 characters');
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleNonce === undefined ? "style-src 'self'" : `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : []),
    "form-action 'none'",
  ].join('; ');
}

/**
 * The built `index.html` for one page load: the placeholder (in the CSP `<meta>` and in the
 * `<meta property="csp-nonce">` the renderer reads its nonce from) becomes `nonce`.
 */
export function withStyleNonce(html: string, nonce: string): string {
  if (!isCspNonce(nonce)) throw new Error('A CSP nonce must be at least 22 base64 characters');
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/**
 * The policy of the built `index.html`, as the build puts it into a `<meta>` at the top of `<head>`
 * (see renderer/vite.config.ts), so it holds even where no header can be set.
 */
export const META_CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  styleNonce: CSP_NONCE_PLACEHOLDER,
  delivery: 'meta',
});

/**
 * The renderer reads its nonce from `<meta property="csp-nonce" nonce="…">` (Vite's convention).
 * Once the policy applies, the browser hides a `nonce` attribute's value from CSS selectors, while
 * `element.nonce` still reads it.
 */
export const CSP_NONCE_META_PROPERTY = 'csp-nonce';
