import type { CombinedError } from 'urql';
import { accessToken } from '../../session/session.js';

/**
 * The full field paths of a BAD_USER_INPUT answer (`criteria.1.weight`, `input.deadline`), so the
 * editor can show each on its own step; null when the failure was not about input.
 */
export function inputPaths(error: CombinedError | undefined | null): string[] | null {
  if (!error) return null;
  const inputs = error.graphQLErrors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (inputs.length === 0) return null;
  const paths: string[] = [];
  for (const e of inputs) {
    const details = e.extensions?.details;
    if (details && typeof details === 'object') paths.push(...Object.keys(details));
    else paths.push(typeof e.extensions?.field === 'string' ? e.extensions.field : 'input');
  }
  return paths.map((p) => p.replace(/^input\./, ''));
}

/** Why an upload failed, in words the page translates. */
export type UploadFailure = 'tooLarge' | 'type' | 'closed' | 'signedOut' | 'network' | 'unexpected';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * POST /challenges/{id}/attachments as multipart "file", reporting upload progress in percent.
 * XMLHttpRequest, because fetch has no upload progress.
 */
export async function uploadChallengeFile(challengeId: string, file: File, onProgress: (percent: number) => void): Promise<UploadFailure | null> {
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  const token = await accessToken();
  if (!token) return 'signedOut';
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/challenges/${encodeURIComponent(challengeId)}/attachments`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(null);
        return;
      }
      const body = (xhr.response ?? null) as { error?: string; message?: string } | null;
      if (xhr.status === 413 || /larger than/i.test(body?.message ?? '')) resolve('tooLarge');
      else if (xhr.status === 401) resolve('signedOut');
      else if (xhr.status === 400) resolve('type');
      else if (xhr.status === 409) resolve('closed');
      else resolve('unexpected');
    });
    xhr.addEventListener('error', () => resolve('network'));
    xhr.send(formWith(file));
  });
}

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** DELETE /attachments/{id} (owners and editors). */
export async function removeChallengeFile(attachmentId: string): Promise<boolean> {
  const token = await accessToken();
  if (!token) return false;
  const response = await fetch(`/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  return response.ok;
}
