import { useEffect, useRef } from 'react';
import { renderAsync } from 'docx-preview';
import { allowStyleElements } from '../../lib/style-nonce';

const decodeBase64 = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * Renders a DOCX inside the app with docx-preview. The bytes come from agreements:preview and are
 * only displayed, never saved from here. docx-preview adds <style> elements (given this page load's
 * nonce before they enter the document, as the Content-Security-Policy wants) and no scripts; its
 * output goes into a container React does not manage otherwise.
 */
export function DocxPreview({ base64, onError }: { base64: string; onError: (error: unknown) => void }) {
  const body = useRef<HTMLDivElement>(null);
  const styles = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = body.current;
    const styleContainer = styles.current;
    if (!container || !styleContainer) return;
    let live = true;
    const bytes = decodeBase64(base64);
    const target = document.createElement('div');
    const targetStyles = document.createElement('div');
    renderAsync(bytes, target, targetStyles, {
      inWrapper: true,
      ignoreLastRenderedPageBreak: true,
      renderHeaders: true,
      renderFooters: true,
      useBase64URL: true,
      experimental: false,
      className: 'docx',
    }).then(
      () => {
        if (!live) return;
        allowStyleElements(targetStyles);
        allowStyleElements(target);
        // Swap in the finished rendering at once (no flicker while the next preview renders).
        container.replaceChildren(...target.childNodes);
        styleContainer.replaceChildren(...targetStyles.childNodes);
      },
      (error: unknown) => {
        if (live) onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [base64, onError]);
  return (
    <div className="agreement-preview" data-testid="agreement-preview">
      <div ref={styles} hidden />
      <div ref={body} />
    </div>
  );
}
