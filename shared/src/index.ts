export * from './errors.js';
export * from './format-vi.js';
export * from './schemas/campaigns.js';
export * from './schemas/common.js';
export * from './schemas/health.js';
export * from './schemas/public.js';
export * from './schemas/tasks.js';
