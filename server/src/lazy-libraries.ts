/**
 * The file-format libraries, loaded the first time a request needs one. Together they hold about
 * 40 MB of every server process's memory (exceljs ~20 MB, mammoth ~7, unpdf ~4), while only the
 * few requests that import or export a file use them; each is loaded once and kept.
 */
let excelJs: Promise<typeof import('exceljs')> | undefined;
let mammoth: Promise<typeof import('mammoth')> | undefined;
let unpdf: Promise<typeof import('unpdf')> | undefined;

/** exceljs is CommonJS: its API is the module's default export. */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  excelJs ??= import('exceljs').then((module) => module.default ?? module);
  return excelJs;
}

export async function loadMammoth(): Promise<typeof import('mammoth')> {
  mammoth ??= import('mammoth').then((module) => module.default ?? module);
  return mammoth;
}

export async function loadUnpdf(): Promise<typeof import('unpdf')> {
  unpdf ??= import('unpdf');
  return unpdf;
}
