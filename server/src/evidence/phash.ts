/**
 * dHash: a 64-bit perceptual hash. The image is shrunk to 9×8 grey pixels and each bit says whether a
 * pixel is brighter than its right neighbour, so re-encoding, resizing or slight exposure changes keep
 * most bits, and the Hamming distance between two hashes measures how alike two photos look.
 */
export const DHASH_WIDTH = 9;
export const DHASH_HEIGHT = 8;

/** 16 hex digits from 72 grey bytes (9×8, row-major). */
export function dHashFromGrey(grey: Buffer): string {
  if (grey.length !== DHASH_WIDTH * DHASH_HEIGHT)
    throw new Error(`dHash needs 72 grey pixels, got ${grey.length}`);
  let hash = 0n;
  for (let row = 0; row < DHASH_HEIGHT; row += 1) {
    for (let column = 0; column < DHASH_WIDTH - 1; column += 1) {
      const left = grey[row * DHASH_WIDTH + column] ?? 0;
      const right = grey[row * DHASH_WIDTH + column + 1] ?? 0;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

export function hammingDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}
