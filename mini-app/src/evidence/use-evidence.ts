import type { EvidenceItem, EvidenceListQuery, EvidenceListReply, EvidenceReviewBody } from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { request } from '../lib/request';
import { sessionToken } from './session-token';

const apiBase = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');

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
        token: sessionToken(),
      }),
  });
}

export function useEvidenceQueue(filter: EvidenceListQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return useQuery({
    queryKey: evidenceKeys.queue(filter),
    queryFn: ({ signal }) =>
      request<EvidenceListReply>(`/api/evidence?${params}`, { signal, token: sessionToken() }),
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
        token: sessionToken(),
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
    const token = sessionToken();
    setFailed(false);
    void attempt; // a new attempt re-runs this effect
    fetch(`${apiBase}/api/evidence/${encodeURIComponent(evidenceId)}/photo?size=${size}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.blob() : undefined))
      .then((blob) => {
        if (!blob) {
          setFailed(true);
          return;
        }
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
