import { fromCode, type AppError } from '../../graphql/errors.js';
import { accessToken } from '../../session/session.js';

export type UploadResult = { ok: true } | { ok: false; error: AppError; field?: string };

/**
 * Uploads a portfolio image (multipart field "file") with XMLHttpRequest, whose upload events give
 * the percent sent; fetch has no upload progress. The access token comes fresh from the session.
 */
export async function uploadPortfolioImage(itemId: string, file: File, onProgress: (percent: number) => void): Promise<UploadResult> {
  const token = await accessToken();
  return new Promise<UploadResult>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/portfolio-items/${encodeURIComponent(itemId)}/image`);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve({ ok: true });
        return;
      }
      const body = (xhr.response ?? {}) as { error?: string; field?: string; retryAfterSeconds?: number };
      // 413: larger than the server reads at all; the same fix as any too-large image.
      if (xhr.status === 413) resolve({ ok: false, error: { kind: 'input', fields: { file: '' } }, field: 'file' });
      else resolve({ ok: false, error: fromCode(body.error, body.retryAfterSeconds), field: body.field });
    };
    xhr.onerror = () => resolve({ ok: false, error: { kind: 'unavailable' } });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
