import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './request';

/** Retrying a 4xx cannot help (the message says what to fix); a dropped connection or 5xx may. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 60_000,
        // People hop between Zalo chats and the app all day; the data here changes weekly, not per visit.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
