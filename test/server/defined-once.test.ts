/**
 * Things the project defines in one place, checked by reading the source (like table-owners.test.ts):
 * each rule fails naming the file and line that defines the thing again, and says where it lives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Source files (not tests) under `dir`, as repository paths with forward slashes. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: text` for each line of `files` matching `pattern`, comments left out. */
function offenders(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const code = line.replace(/^\s*(\*|\/\/|\/\*).*$/, '').replace(/\s\/\/ .*$/, '');
        return pattern.test(code) ? [`${file}:${i + 1}: ${line.trim()}`] : [];
      }),
  );
}

describe('the mini app shows errors only through the error catalogue (lib/error-text.ts)', () => {
  // A raw message is a library's or the browser's English ("Failed to fetch"), or a code: errorText()
  // turns any error into the catalogue's Vietnamese. Reading a message to classify it is not showing it.
  const ALLOWED = new Set([
    'mini-app/src/lib/error-text.ts', // the catalogue's own reader (an ApiError's server-sent Vietnamese)
    'mini-app/src/lib/request.ts', // builds the ApiError from the server's body
    'mini-app/src/components/screen-boundary.tsx', // tells a failed download from a fault; shows neither
  ]);

  it("no screen reads an error object's .message", () => {
    const files = sourceFiles('mini-app/src').filter((file) => !ALLOWED.has(file));
    expect(offenders(files, /\b(?:e|err|error|reason|\w+\.error)\.message\b/)).toEqual([]);
  });
});
