import type { EvidenceUploadReply } from '@loa/shared';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../lib/request';

const apiBase = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');

/**
 * Sends one photo as multipart with upload progress (fetch cannot report it; XMLHttpRequest can).
 * Throws ApiError like lib/request.ts: status 0 when the server was never reached.
 */
export function uploadPhotoXhr(options: {
  assignmentId: string;
  blob: Blob;
  fileName: string;
  sessionToken: string | undefined;
  zaloAccessToken: string;
  locationToken: string;
  onProgress: (fraction: number) => void;
}): Promise<EvidenceUploadReply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}/api/assignments/${encodeURIComponent(options.assignmentId)}/evidence`);
    xhr.setRequestHeader('accept', 'application/json');
    if (options.sessionToken) xhr.setRequestHeader('authorization', `Bearer ${options.sessionToken}`);
    if (options.zaloAccessToken && options.locationToken) {
      xhr.setRequestHeader('x-zalo-access-token', options.zaloAccessToken);
      xhr.setRequestHeader('x-zalo-location-token', options.locationToken);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      let payload: { code?: string; message?: string } | undefined;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch (error) {
        // A gateway page instead of our JSON: the status decides the message below.
        console.warn('upload answer is not JSON', error);
      }
      if (xhr.status === 201 && payload) return resolve(payload as unknown as EvidenceUploadReply);
      const message =
        payload?.message ??
        (xhr.status >= 500
          ? `Máy chủ đang gặp sự cố (mã ${xhr.status}). Ảnh vẫn được giữ và sẽ gửi lại.`
          : `Không gửi được ảnh (mã ${xhr.status}).`);
      reject(new ApiError(xhr.status, payload?.code ?? `HTTP_${xhr.status}`, message));
    };
    const form = new FormData();
    form.append('photo', options.blob, options.fileName);
    xhr.send(form);
  });
}
