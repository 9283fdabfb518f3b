import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../lib/error-text';
import { ApiError } from '../lib/request';
import { listQueued, putQueued, type QueuedPhoto, removeQueued } from './upload-queue';
import { evidenceKeys, uploadPhoto } from './use-evidence';

export interface QueueEntry extends QueuedPhoto {
  /** 0..1 while this photo is being sent. */
  progress?: number;
  /** The last network failure, shown while the photo waits for a retry. */
  waitingMessage?: string;
}

const RETRY_MS = [5_000, 15_000, 60_000];

/**
 * The assignment's local upload queue: photos are saved to IndexedDB first, then sent one at a time.
 * A network failure or 5xx keeps the photo and retries (on a timer and when the browser says it is
 * back online); a 4xx keeps it with the server's message until the person removes it.
 */
export function useUploadQueue(assignmentId: string) {
  const client = useQueryClient();
  const [entries, setEntries] = useState<QueueEntry[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const sending = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const patch = useCallback((id: string, change: Partial<QueueEntry>) => {
    setEntries((current) => current.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));
  }, []);

  const drain = useCallback(async () => {
    if (sending.current) {
      again.current = true; // a photo added mid-run is picked up when this run ends
      return;
    }
    sending.current = true;
    again.current = false;
    clearTimeout(timer.current);
    try {
      const queued = await listQueued(assignmentId);
      setEntries(queued);
      for (const photo of queued.filter((item) => !item.refusedMessage)) {
        try {
          await uploadPhoto(photo, (progress) => patch(photo.id, { progress, waitingMessage: undefined }));
          await removeQueued(photo.id);
          setEntries((current) => current.filter((entry) => entry.id !== photo.id));
          await client.invalidateQueries({ queryKey: evidenceKeys.assignment(assignmentId) });
        } catch (error) {
          // Anything that is not the server's answer (a dropped connection, a bug) is worth a retry.
          const status = error instanceof ApiError ? error.status : 0;
          // 408: the network was too slow to finish in time; 429: too many photos at once.
          const retryable = status === 0 || status >= 500 || status === 429 || status === 408;
          const updated = { ...photo, attempts: photo.attempts + 1 };
          if (!retryable) updated.refusedMessage = errorText(error);
          await putQueued(updated);
          patch(photo.id, {
            ...updated,
            progress: undefined,
            waitingMessage: retryable ? errorText(error) : undefined,
          });
          if (retryable) {
            const delay = RETRY_MS[Math.min(photo.attempts, RETRY_MS.length - 1)];
            timer.current = setTimeout(() => void drain(), delay);
            break; // the network is down for all of them: wait, then start again from the oldest
          }
        }
      }
    } catch (error) {
      setLoadError('Không mở được bộ nhớ tạm của ứng dụng để giữ ảnh. Hãy tải lại trang.');
      console.error('upload queue failed', error);
    } finally {
      sending.current = false;
      if (again.current) void drain();
    }
  }, [assignmentId, client, patch]);

  useEffect(() => {
    void drain();
    const online = () => void drain();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
  }, [drain]);

  const add = useCallback(
    async (file: File, tokens: { zaloAccessToken: string; locationToken: string }) => {
      const photo: QueuedPhoto = {
        id: crypto.randomUUID(),
        assignmentId,
        blob: file,
        fileName: file.name || 'anh-minh-chung.jpg',
        ...tokens,
        createdAt: Date.now(),
        attempts: 0,
      };
      await putQueued(photo);
      setEntries((current) => [...current, photo]);
      void drain();
    },
    [assignmentId, drain],
  );

  const remove = useCallback(async (id: string) => {
    await removeQueued(id);
    setEntries((current) => current.filter((entry) => entry.id !== id));
  }, []);

  return { entries, loadError, add, remove, retryNow: drain };
}
