import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, openExternalSafely } from '../../electron/external-links';

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://scikit-learn.org/stable/', true],
    ['http://example.com', true],
    ['HTTPS://EXAMPLE.COM/Path?q=1#x', true],
    ['https://user@example.com/', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['file://server/share', false],
    ['data:text/html,<b>x</b>', false],
    ['vscode://file/etc/passwd', false],
    ['ms-msdt:/id', false],
    ['smb://host/share', false],
    ['mailto:someone@example.com', false],
    ['app://companion/index.html', false],
    ['https://', false],
    ['http:/example.com', true], // the URL parser reads this as http://example.com/
    ['http:///path-only', true], // the parser takes "path-only" as the host
    ['//example.com', false],
    ['example.com', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl(new URL('https://example.com'))).toBe(false);
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('opens a safe URL, normalised', async () => {
    const open = vi.fn();
    expect(await openExternalSafely('HTTPS://Example.com', open)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://example.com/');
  });

  it('never calls open for an unsafe URL', async () => {
    const open = vi.fn();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'custom-scheme://x', 'nonsense', null]) {
      expect(await openExternalSafely(url, open)).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('reports a failure to open instead of throwing', async () => {
    const log = vi.fn();
    const open = vi.fn(async () => {
      throw new Error('no default browser');
    });
    expect(await openExternalSafely('https://example.com/', open, log)).toBe(false);
    expect(log).toHaveBeenCalledOnce();
  });
});
