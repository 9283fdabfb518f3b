export * from './errors.js';
export * from './format-vi.js';
export * from './schemas/broadcasts.js';
export * from './schemas/common.js';
export * from './schemas/health.js';
export * from './schemas/public.js';
