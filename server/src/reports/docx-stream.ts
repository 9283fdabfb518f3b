/**
 * Sends the laid-out .docx with the real photos: the parts docx wrote are copied as they are, and
 * each placeholder image ("loa-annex-photo:<n>") is replaced by photo n's stored display copy,
 * fetched one ahead of the one being written so disk (or S3) and the network overlap.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ANNEX_PLACEHOLDER_PREFIX } from './report-document.js';
import type { ZipWriter } from './zip-writer.js';

/** A grey 4×3 JPEG, for a photo whose file cannot be read: the report still opens, with its caption. */
const MISSING_PHOTO = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAADAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKQAH//Z',
  'base64',
);

export async function writeDocx(
  zip: ZipWriter,
  skeleton: Uint8Array,
  photo: (index: number) => Promise<Uint8Array>,
  onPhotoError: (index: number, error: unknown) => void,
): Promise<void> {
  const parts = unzipSync(skeleton);
  const photos: { name: string; index: number }[] = [];
  const others: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    const text = name.startsWith('word/media/') && bytes.length < 64 ? strFromU8(bytes) : '';
    if (text.startsWith(ANNEX_PLACEHOLDER_PREFIX)) {
      photos.push({ name, index: Number(text.slice(ANNEX_PLACEHOLDER_PREFIX.length)) });
    } else {
      others.push(name);
    }
  }
  // Word reads the content types first; keep the package's own order otherwise.
  others.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of others) await zip.add(name, parts[name]!, true);

  photos.sort((a, b) => a.index - b.index);
  const fetchPhoto = (index: number) =>
    photo(index).catch((error) => {
      onPhotoError(index, error);
      return MISSING_PHOTO;
    });
  let next = photos[0] ? fetchPhoto(photos[0].index) : undefined;
  for (let i = 0; i < photos.length && !zip.closed; i++) {
    const bytes = await next!;
    next = photos[i + 1] ? fetchPhoto(photos[i + 1]!.index) : undefined;
    await zip.add(photos[i]!.name, bytes, false);
  }
  await next;
  zip.end();
}
