import type {
  EvidenceItem,
  EvidenceListQuery,
  EvidenceListReply,
  EvidenceReviewBody,
  EvidenceUploadReply,
} from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { request, requestBlob, upload } from '../lib/request';
import type { QueuedPhoto } from './upload-queue';

export const evidenceKeys = {
  assignment: (assignmentId: string) => ['evidence', 'assignment', assignmentId] as const,
  queue: (filter: EvidenceListQuery) => ['evidence', 'queue', filter] as const,
};

/** The photos already on the server for one assignment, with their checks and review status. */
export function useAssignmentEvidence(assignmentId: string) {
  return useQuery({
    queryKey: evidenceKeys.assignment(assignmentId),
    queryFn: ({ signal }) =>
      request<EvidenceListReply>(`/api/assignments/${encodeURIComponent(assignmentId)}/evidence`, {
        signal,
      }),
  });
}

export function useEvidenceQueue(filter: EvidenceListQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return useQuery({
    queryKey: evidenceKeys.queue(filter),
    queryFn: ({ signal }) => request<EvidenceListReply>(`/api/evidence?${params}`, { signal }),
    staleTime: 10_000,
  });
}

export function useReviewEvidence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EvidenceReviewBody }) =>
      request<EvidenceItem>(`/api/evidence/${encodeURIComponent(id)}/review`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['evidence'] }),
  });
}

/**
 * Photos are served only with a session, which an <img src> cannot send: fetch the bytes with the
 * bearer token and show them through an object URL (revoked when the image leaves the screen).
 */
export function useAuthedPhoto(evidenceId: string, size: 'thumb' | 'display' = 'thumb'): string | undefined {
  return useAuthedPhotoState(evidenceId, size).url;
}

/** The same, with whether loading failed (the large view offers to try again) and a retry. */
export function useAuthedPhotoState(evidenceId: string, size: 'thumb' | 'display') {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | undefined;
    setFailed(false);
    void attempt; // a new attempt re-runs this effect
    requestBlob(`/api/evidence/${encodeURIComponent(evidenceId)}/photo?size=${size}`, {
      signal: controller.signal,
    })
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((error: unknown) => {
        // A cancelled load (the card left the screen) is expected; anything else leaves the placeholder.
        if (controller.signal.aborted) return;
        console.warn('photo not loaded', error);
        setFailed(true);
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [evidenceId, size, attempt]);
  return { url, failed, retry: () => setAttempt((n) => n + 1) };
}

/**
 * Sends one queued photo with the Zalo tokens captured when it was taken (the server asks Zalo for the
 * location with them); `onProgress` gets 0..1 as the bytes go out.
 */
export function uploadPhoto(
  photo: Pick<QueuedPhoto, 'assignmentId' | 'blob' | 'fileName' | 'zaloAccessToken' | 'locationToken'>,
  onProgress: (fraction: number) => void,
): Promise<EvidenceUploadReply> {
  const form = new FormData();
  form.append('photo', photo.blob, photo.fileName);
  const zalo =
    photo.zaloAccessToken && photo.locationToken
      ? { 'x-zalo-access-token': photo.zaloAccessToken, 'x-zalo-location-token': photo.locationToken }
      : undefined;
  return upload<EvidenceUploadReply>(`/api/assignments/${encodeURIComponent(photo.assignmentId)}/evidence`, {
    form,
    headers: zalo,
    onProgress,
  });
}
