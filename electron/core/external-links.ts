/**
 * What the shell does with an address the page asks to open outside the app (window.open,
 * target="_blank"). The decision is pure so it is tested without Electron; electron/main/window.ts
 * carries it out (`shell.openExternal` is called nowhere else).
 */

/**
 * Hosts opened without asking: the official registers and programmes the app may refer users to.
 * Everything else, above all the web sites stored in the registry's own data, asks first. Exact
 * host names: a subdomain or a look-alike is not on the list.
 */
export const TRUSTED_LINK_HOSTS: readonly string[] = [
  // Czech Statistical Office: the official municipality codes the registry is keyed by.
  'csu.gov.cz',
  'www.czso.cz',
  // Union of Towns and Municipalities of the Czech Republic: twinning guidance for members.
  'www.smocr.cz',
  // The EU's citizens' programme (CERV) that funds town-twinning projects.
  'commission.europa.eu',
];

/** Longer addresses are refused: nobody can check one in a dialog, and no real link needs it. */
export const MAX_LINK_LENGTH = 2048;

export type ExternalLinkDecision =
  /** Trusted host: open at once. `url` is the parsed address, the one to open. */
  | { action: 'open'; url: string }
  /** Any other web address: open only after the user has seen exactly `url` and agreed. */
  | { action: 'confirm'; url: string }
  /** Everything else (other schemes, malformed, credentials in the address): never opened. */
  | { action: 'refuse'; reason: 'malformed' | 'scheme' | 'credentials' | 'length' };

/**
 * Decides what to do with an address the page wants opened. Only http(s) leaves the app: file:,
 * javascript:, custom protocol handlers (which start local programs) and mailto: are refused. An
 * address with a user name or password is refused too, as in `https://www.czso.cz@evil.example/`
 * the host is evil.example.
 */
export function decideExternalLink(
  rawUrl: string,
  trustedHosts: readonly string[] = TRUSTED_LINK_HOSTS,
): ExternalLinkDecision {
  if (rawUrl.length > MAX_LINK_LENGTH) return { action: 'refuse', reason: 'length' };
  let parsed: URL;
  try {
    parsed = new URL(rawUrl);
  } catch {
    return { action: 'refuse', reason: 'malformed' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { action: 'refuse', reason: 'scheme' };
  if (parsed.username !== '' || parsed.password !== '') return { action: 'refuse', reason: 'credentials' };
  // `hostname` is lower-case and punycode (an IDN look-alike never equals a listed ASCII name).
  const url = parsed.href;
  return trustedHosts.includes(parsed.hostname) ? { action: 'open', url } : { action: 'confirm', url };
}
