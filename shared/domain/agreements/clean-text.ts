/**
 * Characters that make Word refuse a file: C0 control characters other than tab, line feed and
 * carriage return; lone (unpaired) UTF-16 surrogates; the non-characters U+FFFE and U+FFFF. XML 1.0
 * forbids them, so one of them in a user's text would corrupt the whole document.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes what XML 1.0 forbids and keeps everything else exactly (RTL marks, emoji, C1, NBSP). */
export function cleanText(value: string): string {
  return value.replace(FORBIDDEN, '');
}

/**
 * A one-line field (a name, a title, an address): forbidden characters removed, tabs and line
 * breaks become single spaces, outer white space trimmed. Inner text is otherwise kept as typed.
 */
export function cleanLine(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return cleanText(value)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}
