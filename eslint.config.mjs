// ESLint: typescript-eslint's recommended rules for all code, React's hook rules for the renderer.
// Formatting is Prettier's job (npm run format:check), so no stylistic rules here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/dist/',
      'dist-electron/',
      'release/',
      'build-electron/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/.build/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a parameter a signature needs but the body does not use (stand-ins
      // typed against Electron's own declarations keep Electron's parameter lists).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests reach into JSON and YAML they have just parsed (an export file, electron-builder.yml);
      // there the assertion is the type check, and declaring each document's type would repeat it.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: {
      // Playwright reads a fixture's first parameter as a destructuring pattern to learn which
      // fixtures it needs; `{}` is how one that needs none is written (its documentation's form).
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preview/bridge.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
);
