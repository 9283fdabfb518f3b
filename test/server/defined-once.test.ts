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

describe("the ward's clock is defined once (shared/src/ward-time.ts)", () => {
  // Viet Nam's zone and offset written anywhere else is a second clock that can drift from the first
  // (a formatter with hour12 that prints "24:00", a slice that assumes the offset). Use the helpers.
  const HOME = 'shared/src/ward-time.ts';
  // The simulator stands in for Zalo, whose own clock (Vietnam time) is not the ward's.
  const ZALO_STAND_IN = 'server/src/zalo/simulator/';
  const CLOCK_LITERAL =
    /Asia\/Ho_Chi_Minh|[+]07:?00\b|\b7 \* (?:3_?600_?000|60 \* 60 \* 1_?000)\b|25_?200_?000/;

  it('no source outside it names the zone, writes the offset or computes it', () => {
    const files = ['server/src', 'mini-app/src', 'shared/src']
      .flatMap(sourceFiles)
      .filter((file) => file !== HOME && !file.startsWith(ZALO_STAND_IN));
    expect(offenders(files, CLOCK_LITERAL)).toEqual([]);
  });

  it('catches the forms it is meant to catch', () => {
    for (const line of [
      "const fromLocal = (local) => local + ':00+07:00';",
      "new Date().toLocaleString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' })",
      'const WARD_OFFSET_MS = 7 * 3_600_000;',
      'const WARD_OFFSET_MS = 7 * 60 * 60 * 1000;',
    ])
      expect(CLOCK_LITERAL.test(line)).toBe(true);
  });
});
