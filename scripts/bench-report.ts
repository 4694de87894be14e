import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/benchmarks.md';

/** Replaces one `## title` section of docs/benchmarks.md, keeping the others. */
export function replaceSection(title: string, body: string): void {
  mkdirSync('docs', { recursive: true });
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const sections = current.split(/^(?=## )/m);
  const fresh = `## ${title}\n\n${body.trim()}\n\n`;
  const index = sections.findIndex((section) => section.startsWith(`## ${title}\n`));
  if (index >= 0) sections[index] = fresh;
  else sections.push(fresh);
  writeFileSync(FILE, sections.join('').replace(/\n{3,}/g, '\n\n'));
}
