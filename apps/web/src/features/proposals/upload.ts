import { accessToken } from '../../session/session.js';

/** The API's limit (MAX_ATTACHMENT_BYTES, 20 MB by default); checked here too so a large file is refused before it is sent. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** What the API accepts, recognised there by content; here only a hint for the file picker. */
export const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];

export interface UploadedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** Why an upload failed, in words the page can translate. */
export type UploadFailure = 'type' | 'tooLarge' | 'empty' | 'closed' | 'tooMany' | 'signedOut' | 'network' | 'unexpected';

export type UploadResult = { ok: true; attachment: UploadedAttachment } | { ok: false; failure: UploadFailure };

/** The API's JSON error body ({ error, message, field }) as a failure the user can act on. */
export function uploadFailure(status: number, body: { error?: string; message?: string } | null): UploadFailure {
  if (status === 413) return 'tooLarge';
  if (status === 401) return 'signedOut';
  const message = body?.message ?? '';
  if (status === 400 || body?.error === 'BAD_USER_INPUT') {
    if (/larger than/i.test(message)) return 'tooLarge';
    if (/empty/i.test(message)) return 'empty';
    return 'type';
  }
  if (status === 409 || body?.error === 'INVALID_STATE') return /at most/i.test(message) ? 'tooMany' : 'closed';
  return 'unexpected';
}

/**
 * POST /proposals/{id}/attachments as multipart "file", with upload progress (0–100) reported as
 * the bytes leave the browser. XMLHttpRequest, because fetch has no upload progress.
 */
export async function uploadAttachment(proposalId: string, file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<UploadResult> {
  if (file.size === 0) return { ok: false, failure: 'empty' };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, failure: 'tooLarge' };
  const token = await accessToken();
  if (!token) return { ok: false, failure: 'signedOut' };
  return new Promise<UploadResult>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/proposals/${encodeURIComponent(proposalId)}/attachments`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    });
    xhr.addEventListener('load', () => {
      const body = (xhr.response ?? null) as (UploadedAttachment & { error?: string; message?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) {
        onProgress(100);
        resolve({ ok: true, attachment: body });
      } else resolve({ ok: false, failure: uploadFailure(xhr.status, body) });
    });
    xhr.addEventListener('error', () => resolve({ ok: false, failure: 'network' }));
    xhr.addEventListener('abort', () => resolve({ ok: false, failure: 'network' }));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
