// electron-builder.yml as electron-builder reads it (with its own YAML parser, js-yaml): the targets,
// identity, icon, what is unpacked from the archive, and the Electron fuses the packaged app ships with.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const yaml = createRequire(path.join(root, 'package.json'))('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('names the app and its id', () => {
    expect(config.appId).toBe('io.mlopsstudy.companion');
    expect(config.productName).toBe('MLOps Study Companion');
    expect(config.productName).toBe(pkg.productName);
  });

  it('builds AppImage and deb on Linux (Education), dmg on macOS, nsis on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Education');
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.category).toBe('public.app-category.education');
    expect(config.win.target).toBe('nsis');
  });

  it('uses build/icon.png, which exists and is 512×512', () => {
    expect(config.icon).toBe('build/icon.png');
    const png = readFileSync(path.join(root, config.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('packs the app in an asar, unpacks the native module, and never rebuilds it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'build-electron/**']));
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json', 'build-electron/**']),
    );
    expect(config.directories.output).toBe('release');
  });

  // Loading electron-builder's schema and validator takes seconds on a busy machine.
  it("is valid by electron-builder's own schema", { timeout: 30_000 }, async () => {
    const requireFromRepo = createRequire(path.join(root, 'package.json'));
    const { validateConfiguration } = requireFromRepo('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, l: unknown) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, linux: { ...config.linux, maintainers: 'x' } },
        { isEnabled: false, add: () => {} },
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('gives the deb package what its FPM target requires: a maintainer and the homepage', () => {
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/@/);
  });

  it('re-signs the macOS app ad hoc after flipping fuses, or an unsigned arm64 build will not launch', () => {
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });

  it('asks for the Node that Electron 45, @electron/get and @electron/rebuild declare', () => {
    const electronEngines = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'))
      .engines.node as string;
    expect(electronEngines.replace(/\s/g, '')).toBe('>=22.12.0');
    expect(pkg.engines.node).toBe('>=22.12');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('npm run dist builds everything first and targets this OS by default', () => {
    expect(pkg.scripts.dist).toBe('npm run build && npm run build:native && electron-builder');
    expect(existsSync(path.join(root, '.github', 'workflows', 'ci.yml'))).toBe(true);
  });
});
