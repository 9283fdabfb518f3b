import { formatDateTimeVi } from '@loa/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the phone has a network now (the browser's own answer, which follows the phone's). */
function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/**
 * Says how old the data on screen is: "Cập nhật lúc 01/12/2026 14:05", and what is happening to it
 * ("Đang cập nhật…", or why it is not). A screen opened with the phone's last-known data (offline,
 * or while the refresh is under way) must never pass it off as current.
 */
export function LastUpdated({ query }: { query: UseQueryResult<unknown> }) {
  const online = useOnline();
  if (query.data === undefined || !query.dataUpdatedAt) return null;
  const state = !online
    ? 'Chưa có mạng, sẽ cập nhật khi có mạng.'
    : query.fetchStatus === 'fetching'
      ? 'Đang cập nhật…'
      : query.fetchStatus === 'paused'
        ? 'Chưa có mạng, sẽ cập nhật khi có mạng.'
        : query.isError
          ? 'Chưa cập nhật được, kiểm tra mạng.'
          : null;
  return (
    <p className="last-updated" role="status" aria-live="polite">
      {`Cập nhật lúc ${formatDateTimeVi(new Date(query.dataUpdatedAt))}`}
      {state ? <span className="last-updated-state">{` · ${state}`}</span> : null}
    </p>
  );
}
