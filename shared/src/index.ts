export * from './errors.js';
export * from './format-vi.js';
export * from './schemas/auth.js';
export * from './schemas/common.js';
export * from './schemas/evidence.js';
export * from './schemas/health.js';
export * from './schemas/public.js';
