/**
 * sharp (libvips) and exifr load on first use, not at start: together they are about 0.3 s of a
 * start-up that campaigns, broadcasts and a restarted dispatcher should not wait for.
 */
import type { default as Sharp } from 'sharp';

let sharpLoading: Promise<typeof Sharp> | undefined;
let exifrLoading: Promise<typeof import('exifr').default> | undefined;

export function loadSharp(): Promise<typeof Sharp> {
  sharpLoading ??= import('sharp').then(({ default: sharp }) => {
    // Every upload is a new file: libvips' operation cache would only hold memory. Uploads run side
    // by side, so each image gets one libvips thread rather than competing threads per image.
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return sharpLoading;
}

export function loadExifr(): Promise<typeof import('exifr').default> {
  exifrLoading ??= import('exifr').then((module) => module.default);
  return exifrLoading;
}
