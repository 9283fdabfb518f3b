/**
 * Whether a HEIF file holds every byte its own boxes declare. libheif decodes a HEIC cut short without
 * an error (the missing tiles come out grey), so a photo cut off in transfer or by a phone's share
 * sheet would be kept as evidence. The container says how long it is: each top-level box states its
 * size, and the item location box (`iloc`, inside `meta`) gives every image tile's offset and length.
 * Read from ISO/IEC 14496-12 (ISO base media file format) §4.2 and §8.11.3.
 */

export type HeifCompleteness = { complete: true } | { complete: false; need: number; have: number };

interface Box {
  type: string;
  start: number;
  /** First byte of the content, after the header. */
  body: number;
  /** One past the last byte, as declared (may lie past the buffer when the file is cut). */
  end: number;
}

/** The boxes laid one after another in [from, to), stopping at the first that cannot be read. */
function boxesIn(file: Buffer, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(file.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at; // "to the end of the file"
    if (size < header) break;
    boxes.push({ type, start: at, body: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

/** Reads an unsigned integer of 0, 4 or 8 bytes (the sizes iloc allows). */
function readSized(file: Buffer, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 4) return file.readUInt32BE(at);
  if (size === 8) return Number(file.readBigUInt64BE(at));
  throw new RangeError(`iloc field of ${size} bytes`);
}

/** The furthest byte the iloc extents stored in this file reach (0 when none). */
function ilocEnd(file: Buffer, iloc: Box): number {
  let at = iloc.body;
  const version = file.readUInt8(at);
  at += 4; // version and flags
  const sizes = file.readUInt16BE(at);
  at += 2;
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 0xf;
  const baseOffsetSize = (sizes >> 4) & 0xf;
  const indexSize = version === 1 || version === 2 ? sizes & 0xf : 0;
  const itemCount = version < 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  let furthest = 0;
  for (let item = 0; item < itemCount; item++) {
    at += version < 2 ? 2 : 4; // item_ID
    let construction = 0;
    if (version === 1 || version === 2) {
      construction = file.readUInt16BE(at) & 0xf;
      at += 2;
    }
    const dataReference = file.readUInt16BE(at);
    at += 2;
    const baseOffset = readSized(file, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = file.readUInt16BE(at);
    at += 2;
    for (let extent = 0; extent < extentCount; extent++) {
      at += indexSize;
      const offset = readSized(file, at, offsetSize);
      at += offsetSize;
      const length = readSized(file, at, lengthSize);
      at += lengthSize;
      // Only bytes of this file (method 0, no external reference); length 0 means "the rest of it".
      if (construction === 0 && dataReference === 0 && length > 0)
        furthest = Math.max(furthest, baseOffset + offset + length);
    }
  }
  return furthest;
}

/**
 * Compares what the boxes declare with the bytes received. A file whose boxes cannot even be read is
 * reported incomplete too: it is not a photo we can trust, and the decoder is not asked.
 */
export function heifCompleteness(file: Buffer): HeifCompleteness {
  const top = boxesIn(file, 0, file.length);
  const last = top.at(-1);
  let need = last ? last.end : file.length;
  try {
    const meta = top.find((box) => box.type === 'meta');
    if (!meta || meta.end > file.length)
      return { complete: false, need: Math.max(need, 8), have: file.length };
    // meta is a full box: 4 bytes of version and flags before its children.
    const iloc = boxesIn(file, meta.body + 4, meta.end).find((box) => box.type === 'iloc');
    if (!iloc) return { complete: false, need, have: file.length };
    need = Math.max(need, ilocEnd(file, iloc));
  } catch {
    // A read past the buffer: the box table itself was cut.
    return { complete: false, need: Math.max(need, file.length + 1), have: file.length };
  }
  return need > file.length ? { complete: false, need, have: file.length } : { complete: true };
}
