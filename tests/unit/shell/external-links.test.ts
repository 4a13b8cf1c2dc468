import { describe, expect, it } from 'vitest';
import { decideExternalLink, MAX_LINK_LENGTH, TRUSTED_LINK_HOSTS } from '../../../electron/core/external-links';

describe('decideExternalLink: what the shell does with an address the page wants opened', () => {
  it('opens an allowlisted host (https or http) at once, as the parsed address', () => {
    expect(TRUSTED_LINK_HOSTS).toContain('csu.gov.cz');
    expect(decideExternalLink('https://csu.gov.cz/ciselnik-obci')).toEqual({
      action: 'open',
      url: 'https://csu.gov.cz/ciselnik-obci',
    });
    expect(decideExternalLink('http://www.czso.cz/')).toEqual({ action: 'open', url: 'http://www.czso.cz/' });
    // Host names are compared as the URL parser normalises them (lower case).
    expect(decideExternalLink('HTTPS://WWW.SMOCR.CZ/cs/')).toEqual({ action: 'open', url: 'https://www.smocr.cz/cs/' });
  });

  it('asks first for any other web address, showing exactly what will open', () => {
    expect(decideExternalLink('https://www.konstanz.de/partnerstaedte')).toEqual({
      action: 'confirm',
      url: 'https://www.konstanz.de/partnerstaedte',
    });
    expect(decideExternalLink('http://jeleniagora.pl')).toEqual({ action: 'confirm', url: 'http://jeleniagora.pl/' });
  });

  it('does not trust a look-alike of an allowlisted host', () => {
    for (const url of [
      'https://evil.csu.gov.cz/', // a subdomain is not the host
      'https://csu.gov.cz.evil.example/', // the name as a prefix
      'https://сsu.gov.cz/', // Cyrillic "с": the parser turns it into punycode, never the listed name
    ]) {
      expect(decideExternalLink(url), url).toMatchObject({ action: 'confirm' });
    }
  });

  it('refuses an address with a user name or password (the host is what follows the @)', () => {
    expect(decideExternalLink('https://csu.gov.cz@evil.example/')).toEqual({ action: 'refuse', reason: 'credentials' });
    expect(decideExternalLink('https://user:secret@csu.gov.cz/')).toEqual({ action: 'refuse', reason: 'credentials' });
  });

  it('refuses every scheme other than http and https', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'mailto:starosta@obec.cz',
      'ms-settings:privacy',
      'smb://fileserver/share',
      'app://twinreg/index.html',
      'data:text/html,<script>alert(1)</script>',
      'ftp://ftp.example.org/',
    ]) {
      expect(decideExternalLink(url), url).toEqual({ action: 'refuse', reason: 'scheme' });
    }
  });

  it('refuses what is not an address, and an address too long to check', () => {
    for (const url of ['', 'csu.gov.cz', '//csu.gov.cz/', 'https://', 'not a url']) {
      expect(decideExternalLink(url), url).toEqual({ action: 'refuse', reason: 'malformed' });
    }
    const long = `https://csu.gov.cz/?q=${'a'.repeat(MAX_LINK_LENGTH)}`;
    expect(decideExternalLink(long)).toEqual({ action: 'refuse', reason: 'length' });
  });

  it('takes another allowlist where given (the default is the app’s)', () => {
    expect(decideExternalLink('https://example.org/', ['example.org'])).toMatchObject({ action: 'open' });
    expect(decideExternalLink('https://csu.gov.cz/', [])).toMatchObject({ action: 'confirm' });
  });
});
