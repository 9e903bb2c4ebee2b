// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- no tsconfig includes this folder, and an import cannot load a file that only declares a module
/// <reference path="./analyzer.d.ts" />
// Builds custom-elements.json with @custom-elements-manifest/analyzer and docs/elements.md from
// it, and checks that the committed copies match what the sources produce.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderElementsMarkdown, THEME_CLASS } from './elements-markdown.js';
import {
  declarationsOf,
  isPublicInstanceMember,
  type Manifest,
  type ManifestDeclaration,
} from './manifest-types.js';

/** The generated files, relative to the project root. */
export const GENERATED_FILES = {
  manifest: 'custom-elements.json',
  markdown: 'docs/elements.md',
} as const;

/** Runs the analyzer with custom-elements-manifest.config.mjs from `root`. */
export async function analyze(root: string): Promise<Manifest> {
  return (await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true })) as Manifest;
}

function missing(element: ManifestDeclaration, field: string, entry?: string): string {
  const where = `${element.name} (${element.tagName ? `<${element.tagName}>` : 'base class'})`;
  return entry ? `${where}: ${entry} has no ${field}` : `${where} has no ${field}`;
}

/**
 * Lists the public API of each element and of the theme class that lacks a description or a
 * type, so the reference never shows an empty cell where a reader needs one.
 */
export function undocumented(manifest: Manifest): string[] {
  const problems: string[] = [];
  const documented = declarationsOf(manifest).filter(
    (declaration) => declaration.tagName || declaration.name === THEME_CLASS,
  );
  for (const element of documented) {
    if (element.tagName && !element.summary) problems.push(missing(element, '@summary'));
    for (const attribute of element.attributes ?? []) {
      if (!attribute.description)
        problems.push(missing(element, 'description', `attribute ${attribute.name}`));
      if (!attribute.type) problems.push(missing(element, 'type', `attribute ${attribute.name}`));
    }
    for (const member of (element.members ?? []).filter(isPublicInstanceMember)) {
      if (!member.description)
        problems.push(missing(element, 'description', `${member.kind} ${member.name}`));
      if (member.kind === 'field' && !member.type)
        problems.push(missing(element, 'type', `field ${member.name}`));
    }
    for (const event of element.events ?? []) {
      if (!event.description) problems.push(missing(element, 'description', `event ${event.name}`));
      if (!event.type) problems.push(missing(element, 'detail type', `event ${event.name}`));
    }
    const named = [
      ...(element.slots ?? []),
      ...(element.cssParts ?? []),
      ...(element.cssProperties ?? []),
    ];
    for (const item of named) {
      if (!item.description) problems.push(missing(element, 'description', item.name));
    }
  }
  return problems;
}

/** Renders both generated files: the manifest as the analyzer writes it, and the reference. */
export async function renderGeneratedFiles(
  root: string,
): Promise<Record<keyof typeof GENERATED_FILES, string>> {
  const manifest = await analyze(root);
  const problems = undocumented(manifest);
  if (problems.length > 0) {
    throw new Error(
      `Document these in the class comments under widget/src/:\n${problems.join('\n')}`,
    );
  }
  const markdownPath = path.join(root, GENERATED_FILES.markdown);
  const options = await resolveConfig(markdownPath);
  const markdown = await format(renderElementsMarkdown(manifest), {
    ...options,
    parser: 'markdown',
    proseWrap: 'always',
  });
  return { manifest: `${JSON.stringify(manifest, null, 2)}\n`, markdown };
}

/** Writes the generated files under `outDir` (the project root by default). */
export async function writeGeneratedFiles(root: string, outDir = root): Promise<string[]> {
  const contents = await renderGeneratedFiles(root);
  const written: string[] = [];
  for (const key of Object.keys(GENERATED_FILES) as Array<keyof typeof GENERATED_FILES>) {
    const target = path.join(outDir, GENERATED_FILES[key]);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents[key]);
    written.push(target);
  }
  return written;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Generates both files into a temporary directory and returns the committed ones that differ
 * from them (or are missing), as paths relative to `root`.
 */
export async function staleGeneratedFiles(root: string): Promise<string[]> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'escalated-elements-'));
  try {
    await writeGeneratedFiles(root, scratch);
    return Object.values(GENERATED_FILES).filter(
      (file) =>
        readOrEmpty(path.join(root, file)) !== readFileSync(path.join(scratch, file), 'utf8'),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
