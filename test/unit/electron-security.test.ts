// The main process's security decisions, checked in Node with fakes for Electron's objects.
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenWebContents,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences,
  type HardenableWebContents,
  type PermissionSession,
} from '../../electron/security';

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
  ])('sets %s to %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  it('allows no inline or evaluated code anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
  });
});

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', true],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(Object.keys(prefs)).toHaveLength(11);
  });

  it('turns off middle-click new windows (Auxclick)', () => {
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    ['app://companion/index.html', true],
    ['app://companion/index.html#/item/1.1', true],
    ['app://companion/#/log', true],
    ['app://companion', true],
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['app://companion.evil.example/', false],
    ['app://evil/index.html', false],
    ['app://companion:8080/', false],
    ['app://user:pw@companion/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('refuses values that are not strings', () => {
    expect(isAllowedNavigation(undefined)).toBe(false);
    expect(isAllowedNavigation(null)).toBe(false);
    expect(isAllowedNavigation({ toString: () => 'app://companion/' })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['app://companion/index.html', true, true],
    ['app://companion/index.html#/item/1.1', true, true],
    ['app://companion/index.html', false, false], // a sub-frame, even of our own origin
    ['file:///work/main/dist/renderer/index.html', true, false],
    ['http://127.0.0.1:4173/', true, false],
    ['https://companion/', true, false],
    ['app://other/index.html', true, false],
    ['app://companion.evil.example/', true, false],
    ['app://companion:1/', true, false],
    ['about:blank', true, false],
    ['::not a url::', true, false],
    ['', true, false],
    [undefined, true, false], // the frame navigated away or was destroyed
    [null, true, false],
  ])('%s (main frame: %s) → %s', (senderUrl, isMainFrame, trusted) => {
    expect(isTrustedSender({ senderUrl, isMainFrame })).toBe(trusted);
  });
});

/** A web-contents that records its listeners, so a test can fire the events Electron would. */
function fakeWebContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url?: string }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: HardenableWebContents = {
    on: (event: string, listener: (e: { preventDefault(): void }, url?: string) => void) =>
      listeners.set(event, listener),
    setWindowOpenHandler: (handler) => (openHandler = handler),
  };
  const fire = (name: string, url?: string, onEvent = false) => {
    const event = { preventDefault: vi.fn(), ...(onEvent ? { url } : {}) };
    listeners.get(name)!(event, onEvent ? undefined : url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  const setUp = () => {
    const fake = fakeWebContents();
    const openExternal = vi.fn(async (_url: string) => {});
    hardenWebContents(fake.contents, openExternal);
    return { ...fake, openExternal };
  };

  it('listens to navigation, redirects and webview attachment, and sets a window-open handler', () => {
    const { listeners } = setUp();
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });

  it('prevents navigation and redirects away from the app, and lets in-app ones through', () => {
    const { fire } = setUp();
    expect(fire('will-navigate', 'https://evil.example')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/phish')).toBe(true);
    expect(fire('will-navigate', 'app://companion/index.html#/log')).toBe(false);
    expect(fire('will-redirect', 'app://companion/index.html')).toBe(false);
  });

  it('reads the target from the event itself, as Electron 45 passes it', () => {
    const { fire } = setUp();
    expect(fire('will-navigate', 'https://evil.example', true)).toBe(true);
    expect(fire('will-navigate', 'app://companion/index.html', true)).toBe(false);
  });

  it('prevents a navigation whose target is unknown', () => {
    const { fire } = setUp();
    expect(fire('will-navigate', undefined)).toBe(true);
  });

  it('denies every new window and opens only http and https links in the browser', async () => {
    const { open, openExternal } = setUp();
    for (const url of [
      'https://scikit-learn.org/stable/',
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://companion/x',
      'mailto:a@b.c',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledTimes(2));
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://scikit-learn.org/stable/',
      'http://example.com/',
    ]);
  });

  it('survives a browser that fails to open', async () => {
    const fake = fakeWebContents();
    const openExternal = vi.fn(async () => {
      throw new Error('no browser');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    hardenWebContents(fake.contents, openExternal);
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    error.mockRestore();
  });

  it('prevents attaching a <webview>', () => {
    const { fire } = setUp();
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});
