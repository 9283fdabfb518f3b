import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorText } from '../lib/error-text';
import { LastUpdated } from '../offline/last-updated';
import { EmptyView, ErrorView, LoadingView } from './status-views';

interface QueryGateProps<T> {
  query: UseQueryResult<T>;
  /** When the answer holds nothing to show, e.g. `(data) => data.items.length === 0`. */
  isEmpty?: (data: T) => boolean;
  /** What to say then, in Vietnamese, saying what to do next if anything. */
  empty?: string;
  loadingLabel?: string;
  /**
   * A first screen the phone keeps (offline/last-known.ts): its data stays on screen when a refresh
   * fails, under a line saying when it was fetched and what the refresh is doing.
   */
  lastKnown?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * The one way a screen shows server data: loading, then the error (from the error catalogue, with
 * "Thử lại"), the empty state, or `children` with the data.
 */
export function QueryGate<T>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  lastKnown = false,
  children,
}: QueryGateProps<T>) {
  if (query.isPending) return <LoadingView label={loadingLabel} />;
  if (lastKnown && query.data !== undefined) {
    const data = query.data;
    return (
      <>
        <LastUpdated query={query} />
        {isEmpty?.(data) ? <EmptyView message={empty ?? 'Chưa có gì để hiển thị.'} /> : children(data)}
      </>
    );
  }
  if (query.isError)
    return (
      <ErrorView
        message={errorText(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  if (isEmpty?.(query.data)) return <EmptyView message={empty ?? 'Chưa có gì để hiển thị.'} />;
  return <>{children(query.data)}</>;
}
