import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Present in wavesurfer.js's own code and kept by minification; proves the check can fail.
const WAVESURFER_MARKER = 'wavesurfer was destroyed';

/** The gzip size in KB of files under a build directory. */
export function gzipKb(distDir: string, files: string[]): number {
  return (
    files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(distDir, file))).length, 0) /
    1024
  );
}

/** Built chunks and what they import statically, transitively (a dynamic import() is left out). */
export function staticImportClosure(distDir: string, entries: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(path.join(distDir, file), 'utf8');
    for (const match of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
    ))
      visit(`assets/${match[1]}`);
  };
  entries.forEach(visit);
  return files;
}

/**
 * The JS the list needs before it can render: the entry, its preloads and, when the list is split
 * out of the entry, its route chunk.
 */
export function listCriticalJs(distDir: string): { files: string[]; wavesurferFiles: string[] } {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const route = readdirSync(path.join(distDir, 'assets')).find((name) =>
    /^calls-route-.*\.js$/.test(name),
  );
  if (entries.length === 0) throw new Error('No script in dist/index.html: run `npm run build`.');
  const files = staticImportClosure(distDir, [...entries, ...(route ? [`assets/${route}`] : [])]);
  const wavesurferFiles = readdirSync(path.join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .filter((name) =>
      readFileSync(path.join(distDir, 'assets', name), 'utf8').includes(WAVESURFER_MARKER),
    )
    .map((name) => `assets/${name}`);
  return { files: [...files].sort(), wavesurferFiles };
}
