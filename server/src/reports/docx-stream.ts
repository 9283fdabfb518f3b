/**
 * Sends the report's .docx while it is being made. The photos go first, under the names docx gives
 * them (word/media/image1.jpg, image2.jpg… in the order they appear), while the worker lays out the
 * text; then the parts the worker wrote, checked against those names: each placeholder image
 * ("loa-annex-photo:<n>") must sit exactly where photo n was written. A zip's entries may come in
 * any order, so the file is the same as if docx had held the photos itself, without ever holding
 * them all, and the first bytes leave at once.
 */
import { strFromU8 } from 'fflate';
import { ANNEX_PLACEHOLDER_PREFIX } from './report-wording.js';
import type { ZipWriter } from './zip-writer.js';

/** A grey 4×3 JPEG, for a photo whose file cannot be read: the report still opens, with its caption. */
const MISSING_PHOTO = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAADAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKQAH//Z',
  'base64',
);

/** Where docx puts the n-th JPEG of a document (its Media numbers images by type, in order added). */
export const mediaName = (index: number) => `word/media/image${index + 1}.jpg`;

export async function writeDocx(options: {
  zip: ZipWriter;
  photoCount: number;
  layout: Promise<Record<string, Uint8Array>>;
  photo: (index: number) => Promise<Uint8Array>;
  onPhotoError: (index: number, error: unknown) => void;
}): Promise<void> {
  const { zip, photoCount, photo, onPhotoError } = options;
  let layoutFailed = false;
  options.layout.catch(() => {
    layoutFailed = true;
  });
  const fetchPhoto = (index: number) =>
    photo(index).catch((error) => {
      onPhotoError(index, error);
      return MISSING_PHOTO;
    });

  let next = photoCount > 0 ? fetchPhoto(0) : undefined;
  for (let i = 0; i < photoCount && !zip.closed && !layoutFailed; i++) {
    const bytes = await next!;
    next = i + 1 < photoCount ? fetchPhoto(i + 1) : undefined;
    await zip.add(mediaName(i), bytes, false);
  }
  await next;

  const parts = await options.layout;
  checkPlaceholders(parts, photoCount);
  const names = Object.keys(parts).filter((name) => !name.startsWith('word/media/'));
  // Word reads the content types first; keep the package's own order otherwise.
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) await zip.add(name, parts[name]!, true);
  zip.end();
}

function checkPlaceholders(parts: Record<string, Uint8Array>, photoCount: number): void {
  const media = Object.entries(parts).filter(([name]) => name.startsWith('word/media/'));
  const misplaced = media.filter(([name, bytes]) => {
    const text = bytes.length < 64 ? strFromU8(bytes) : '';
    const index = text.startsWith(ANNEX_PLACEHOLDER_PREFIX)
      ? Number(text.slice(ANNEX_PLACEHOLDER_PREFIX.length))
      : -1;
    return index < 0 || mediaName(index) !== name;
  });
  if (misplaced.length || media.length !== photoCount) {
    throw new Error(
      `the layout's images do not match the photos sent (${media.length} images for ${photoCount} photos; ` +
        `misplaced: ${misplaced.map(([name]) => name).join(', ')}): has docx changed how it names media?`,
    );
  }
}
