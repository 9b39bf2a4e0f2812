// The browser version npm start serves where Electron cannot run opens the desktop app's own data.
import { describe, expect, it } from 'vitest';
import { desktopDataDir } from '../../preview/desktop-data-dir';
import { browserCommand } from '../../preview/open-browser';

describe('desktopDataDir: Electron\'s userData for "MLOps Study Companion"', () => {
  it('on Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(desktopDataDir({ platform: 'linux', env: {}, home: '/home/ada' })).toBe(
      '/home/ada/.config/MLOps Study Companion',
    );
    expect(desktopDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ada' })).toBe(
      '/cfg/MLOps Study Companion',
    );
  });
  it('on macOS: ~/Library/Application Support', () => {
    expect(desktopDataDir({ platform: 'darwin', env: {}, home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/MLOps Study Companion',
    );
  });
  it('on Windows: %APPDATA%, else AppData\\Roaming', () => {
    expect(
      desktopDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        home: 'C:\\Users\\ada',
      }),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\MLOps Study Companion');
    expect(desktopDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\MLOps Study Companion',
    );
  });
  it('COMPANION_DATA_DIR wins, as it does in main', () => {
    expect(desktopDataDir({ platform: 'linux', env: { COMPANION_DATA_DIR: '/tmp/mine' }, home: '/home/ada' })).toBe(
      '/tmp/mine',
    );
  });
  it('matches the product name electron-builder and Electron use', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { productName: string };
    expect(desktopDataDir({ platform: 'linux', env: {}, home: '/h' }).endsWith(pkg.productName)).toBe(true);
  });
});

describe('browserCommand', () => {
  it('opens with open, start or xdg-open, and not at all on a Linux machine without a display', () => {
    expect(browserCommand('http://127.0.0.1:5180/', 'darwin', {})).toEqual({
      command: 'open',
      args: ['http://127.0.0.1:5180/'],
    });
    expect(browserCommand('http://127.0.0.1:5180/', 'win32', {})).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', 'http://127.0.0.1:5180/'],
    });
    expect(browserCommand('http://127.0.0.1:5180/', 'linux', { DISPLAY: ':0' })).toEqual({
      command: 'xdg-open',
      args: ['http://127.0.0.1:5180/'],
    });
    expect(browserCommand('http://127.0.0.1:5180/', 'linux', {})).toBeNull();
  });
});
