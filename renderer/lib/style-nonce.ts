import { CSP_NONCE_META_PROPERTY } from '../../shared/security/csp';

/**
 * The nonce of this page load for <style> elements (shared/security/csp.ts): AG Grid, AG Charts and
 * the DOCX preview add their CSS as <style> elements, which the Content-Security-Policy refuses
 * without it. Undefined outside a served build (the dev server sets no policy).
 */
export function styleNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>(`meta[property="${CSP_NONCE_META_PROPERTY}"]`);
  // `.nonce`, not getAttribute: the browser empties the attribute once the policy applies.
  const nonce = meta?.nonce ?? '';
  return nonce === '' ? undefined : nonce;
}

/**
 * Lets the <style> elements in a detached subtree made by a library without a nonce option
 * (docx-preview) past the policy. Call it before the subtree enters the document: the policy is
 * checked when a <style> element is connected.
 */
export function allowStyleElements(root: ParentNode): void {
  const nonce = styleNonce();
  if (nonce === undefined) return;
  for (const style of root.querySelectorAll('style')) style.nonce = nonce;
}
