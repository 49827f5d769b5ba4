import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp';

/**
 * The folder a file lives in decides which runtime it may run in (see the architecture notes):
 * shared/ runs anywhere, main/ in Node, only main/electron/ in Electron, renderer/ in a browser.
 * This walks every source file of the repo and checks each import against those rules.
 */

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', '.tools', '.git', 'test-results', 'playwright-report', 'coverage']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]!]));
/** Packages that need Node, native code, Electron or a DOM, which shared/ must never reach. */
const RUNTIME_BOUND_PACKAGES = new Set(['electron', 'better-sqlite3', 'node-hid', 'ws', 'yauzl', 'react', 'react-dom', 'scheduler', '@testing-library/react', 'jsdom', 'happy-dom']);
const DOM_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage']);

interface SourceFile {
  /** Repo-relative, with forward slashes. */
  path: string;
  text: string;
}

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

interface ImportSite {
  specifier: string;
  line: number;
}

function listSources(dir = repoRoot): SourceFile[] {
  const found: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...listSources(join(dir, entry.name)));
    } else if (SOURCE.test(entry.name)) {
      const full = join(dir, entry.name);
      found.push({ path: relative(repoRoot, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  }
  return found;
}

function parse(file: SourceFile): ts.SourceFile {
  const kind = file.path.endsWith('x') ? ts.ScriptKind.TSX : file.path.match(/\.[cm]?js$/) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
}

/** Every module a file names: import/export from, import x = require(), import(), require(), import('x') types. */
function importsOf(source: ts.SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) sites.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** Where a relative specifier lands, repo-relative; null for a package or builtin. */
function landing(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

function packageOf(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(packageOf(specifier));
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

function checkImport(file: string, specifier: string): string | null {
  const target = landing(file, specifier);
  if (packageOf(specifier) === 'electron' && !under(file, 'main/electron')) return 'only main/electron/ may import electron';
  if (under(file, 'shared')) {
    if (isBuiltin(specifier)) return 'shared/ may not import Node modules';
    if (RUNTIME_BOUND_PACKAGES.has(packageOf(specifier))) return `shared/ may not import ${packageOf(specifier)}`;
    if (target !== null && !under(target, 'shared')) return 'shared/ may import only shared/ and pure packages';
  }
  if (under(file, 'renderer')) {
    if (target !== null && under(target, 'main')) return 'renderer/ may not import main/';
    if (isBuiltin(specifier)) return 'renderer/ may not import Node modules';
  }
  if (under(file, 'main') && target !== null && under(target, 'renderer')) return 'main/ may not import renderer/';
  return null;
}

/** Value uses of DOM globals: `document.title`, `globalThis.window`; not `{ document: x }` or `a.document`. */
function domGlobalsUsed(source: ts.SourceFile): ImportSite[] {
  const declared = new Set<string>();
  const uses: ImportSite[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isBindingElement(node)) && node.name && ts.isIdentifier(node.name)) {
      declared.add(node.name.text);
    }
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && isValueReference(node)) uses.push({ specifier: node.text, line: at(node) });
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ['globalThis', 'self'].includes(node.expression.text) && DOM_GLOBALS.has(node.name.text)) {
      uses.push({ specifier: `${node.expression.text}.${node.name.text}`, line: at(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses.filter((use) => use.specifier.includes('.') || !declared.has(use.specifier));
}

function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isEnumMember(parent)) return false;
  return true;
}

function findViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const source = parse(file);
    for (const site of importsOf(source)) {
      const rule = checkImport(file.path, site.specifier);
      if (rule) violations.push({ file: `${file.path}:${site.line}`, specifier: site.specifier, rule });
    }
    if (under(file.path, 'shared')) {
      for (const use of domGlobalsUsed(source)) violations.push({ file: `${file.path}:${use.line}`, specifier: use.specifier, rule: 'shared/ may not use DOM globals' });
    }
  }
  return violations;
}

const report = (violations: Violation[]) => violations.map((v) => `${v.file} imports "${v.specifier}": ${v.rule}`).join('\n');

describe('layering', () => {
  const files = listSources();

  it('sees the whole repo', () => {
    const paths = files.map((f) => f.path);
    for (const expected of ['shared/contract.ts', 'main/electron/main.ts', 'main/electron/preload.ts', 'main/app/counter-app.ts', 'test/unit/layering.test.ts']) {
      expect(paths).toContain(expected);
    }
    expect(paths.some((p) => p.startsWith('renderer/'))).toBe(true);
    expect(paths.some((p) => p.includes('node_modules') || p.startsWith('dist/'))).toBe(false);
  });

  it('holds in every file', () => {
    const violations = findViolations(files);
    expect(violations, report(violations)).toEqual([]);
  });
});

describe('layering check itself', () => {
  const bad = (path: string, text: string) => findViolations([{ path, text }]).map((v) => `${v.file} ${v.specifier}: ${v.rule}`);

  it('catches every form of import, naming the file, line and specifier', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import type { Stats } from 'fs';",
      "export { join } from 'path';",
      "const os = await import('os');",
      "const hid = require('node-hid');",
      "import db = require('better-sqlite3');",
      "type Server = import('ws').Server;",
      "import { app } from '../../main/app/counter-app';",
      "import { Screen } from '../../renderer/src/app';",
      "import React from 'react';",
      "import { ipcRenderer } from 'electron/renderer';",
    ].join('\n');
    expect(bad('shared/sale/bad.ts', text)).toEqual([
      'shared/sale/bad.ts:1 node:fs: shared/ may not import Node modules',
      'shared/sale/bad.ts:2 fs: shared/ may not import Node modules',
      'shared/sale/bad.ts:3 path: shared/ may not import Node modules',
      'shared/sale/bad.ts:4 os: shared/ may not import Node modules',
      'shared/sale/bad.ts:5 node-hid: shared/ may not import node-hid',
      'shared/sale/bad.ts:6 better-sqlite3: shared/ may not import better-sqlite3',
      'shared/sale/bad.ts:7 ws: shared/ may not import ws',
      'shared/sale/bad.ts:8 ../../main/app/counter-app: shared/ may import only shared/ and pure packages',
      'shared/sale/bad.ts:9 ../../renderer/src/app: shared/ may import only shared/ and pure packages',
      'shared/sale/bad.ts:10 react: shared/ may not import react',
      'shared/sale/bad.ts:11 electron/renderer: only main/electron/ may import electron',
    ]);
  });

  it('resolves relative paths before judging them', () => {
    expect(bad('shared/a.ts', "import { x } from './barcode/../serial';")).toEqual([]);
    expect(bad('shared/barcode/a.ts', "import { x } from '../../main/db/open';")).toEqual(['shared/barcode/a.ts:1 ../../main/db/open: shared/ may import only shared/ and pure packages']);
    expect(bad('renderer/src/a.tsx', "import { x } from '../../main/app/counter-app';")).toEqual(['renderer/src/a.tsx:1 ../../main/app/counter-app: renderer/ may not import main/']);
    expect(bad('renderer/src/a.tsx', "import { x } from '../../shared/contract';")).toEqual([]);
  });

  it('lets electron into main/electron/ only', () => {
    expect(bad('main/electron/window.ts', "import { BrowserWindow } from 'electron';")).toEqual([]);
    expect(bad('main/app/x.ts', "import { app } from 'electron';")).toEqual(['main/app/x.ts:1 electron: only main/electron/ may import electron']);
    expect(bad('test/unit/x.test.ts', "const { app } = require('electron');")).toEqual(['test/unit/x.test.ts:1 electron: only main/electron/ may import electron']);
  });

  it('ignores module names in strings and comments that are not imports', () => {
    expect(bad('shared/a.ts', "// import fs from 'node:fs'\nconst help = \"require('fs')\";\nexport const x = 'electron';")).toEqual([]);
  });

  it('catches DOM globals in shared/ but not property names or locals', () => {
    expect(bad('shared/a.ts', 'export const w = window.innerWidth;\nconst t = document.title;\nnavigator.clipboard;\nlocalStorage.x = 1;\nglobalThis.document;')).toEqual([
      'shared/a.ts:1 window: shared/ may not use DOM globals',
      'shared/a.ts:2 document: shared/ may not use DOM globals',
      'shared/a.ts:3 navigator: shared/ may not use DOM globals',
      'shared/a.ts:4 localStorage: shared/ may not use DOM globals',
      'shared/a.ts:5 globalThis.document: shared/ may not use DOM globals',
    ]);
    expect(bad('shared/a.ts', 'const s = { document: 1 };\ntype T = { window: number };\nfunction f(document: string) { return document; }\nexport const y = s.document;')).toEqual([]);
  });
});
