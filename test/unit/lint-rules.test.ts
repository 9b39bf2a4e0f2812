// What ESLint cannot say about itself: a rule is never switched off for a whole file, a line that
// switches one off says why, and nothing is exported that no other file imports (dead exports hide
// in a codebase until someone is afraid to delete them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const APP_FOLDERS = ['electron', 'shared', 'renderer', 'preview', 'curriculum', 'scripts', 'bench'];

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read.');
  return ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
}

const ours = (file: ts.SourceFile) => !file.fileName.includes('/node_modules/') && file.fileName.startsWith(root);
const relative = (file: string) => path.relative(root, file);

describe('lint discipline', () => {
  const prog = program();
  const files = prog.getSourceFiles().filter(ours);

  it('switches no rule off for a whole file, and says why wherever it switches one off for a line', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file.fileName, 'utf8');
      for (const [index, line] of text.split('\n').entries()) {
        const comment = /\/[/*]\s*eslint-disable(-next-line|-line)?\b(.*)/.exec(line);
        if (!comment) continue;
        const where = `${relative(file.fileName)}:${index + 1}`;
        if (!comment[1]) problems.push(`${where} switches rules off for the rest of the file`);
        else if (!/ -- \S/.test(comment[2] ?? '')) problems.push(`${where} gives no reason after " -- "`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('exports no value that no other file imports', () => {
    const check = prog.getTypeChecker();
    const used = new Set<ts.Symbol>();
    const resolve = (symbol: ts.Symbol) =>
      symbol.flags & ts.SymbolFlags.Alias ? check.getAliasedSymbol(symbol) : symbol;
    for (const file of files) {
      const visit = (node: ts.Node) => {
        // Every name another file brings in: named imports, re-exports, and `ns.name` through a namespace import.
        if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) {
          const symbol = check.getSymbolAtLocation(node.name);
          if (symbol) used.add(resolve(symbol));
        } else if (ts.isImportClause(node) && node.name) {
          const symbol = check.getSymbolAtLocation(node.name);
          if (symbol) used.add(resolve(symbol));
        } else if (ts.isExportDeclaration(node) && !node.exportClause && node.moduleSpecifier) {
          const module = check.getSymbolAtLocation(node.moduleSpecifier);
          if (module) for (const s of check.getExportsOfModule(module)) used.add(resolve(s));
        } else if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
          const symbol = check.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node.right);
          if (symbol) used.add(resolve(symbol));
        } else if (ts.isImportTypeNode(node) && node.qualifier) {
          const symbol = check.getSymbolAtLocation(
            ts.isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.right,
          );
          if (symbol) used.add(resolve(symbol));
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }

    const dead: string[] = [];
    for (const file of files) {
      const name = relative(file.fileName);
      if (!APP_FOLDERS.includes(name.split(path.sep)[0]!)) continue;
      // Declarations of .mjs scripts (their users are .mjs files TypeScript does not read), and a
      // config file whose default export Vite reads.
      if (name.endsWith('.d.mts') || path.basename(name) === 'vite.config.ts') continue;
      const module = check.getSymbolAtLocation(file);
      if (!module) continue;
      for (const symbol of check.getExportsOfModule(module)) {
        const target = resolve(symbol);
        if (used.has(target) || used.has(symbol)) continue;
        // Types that name an exported function's parameters or answer are part of its signature;
        // values (functions, constants, classes) are what rot unused.
        if (!(target.flags & ts.SymbolFlags.Value)) continue;
        // Declared elsewhere and only passed through here: judged where it is declared.
        const declaredHere = (target.declarations ?? []).some((d) => d.getSourceFile() === file);
        if (declaredHere) dead.push(`${name}: ${symbol.getName()}`);
      }
    }
    expect(dead).toEqual([]);
  }, 120_000);
});
