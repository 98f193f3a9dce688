import { fromCode, type AppError } from '../../graphql/errors.js';
import { accessToken } from '../../session/session.js';

export type UploadResult = { ok: true } | { ok: false; error: AppError };

/**
 * Uploads an organisation's logo (multipart field "file") with XMLHttpRequest, whose upload
 * events give the percent sent (fetch has none). The access token comes fresh from the session.
 */
export async function uploadLogo(organisationId: string, file: File, onProgress: (percent: number) => void): Promise<UploadResult> {
  const token = await accessToken();
  return new Promise<UploadResult>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/organisations/${encodeURIComponent(organisationId)}/logo`);
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
      const body = (xhr.response ?? {}) as { error?: string; retryAfterSeconds?: number };
      // 413: larger than the server reads at all, the same fix as any too-large image.
      if (xhr.status === 413) resolve({ ok: false, error: { kind: 'input', fields: { file: '' } } });
      else resolve({ ok: false, error: fromCode(body.error, body.retryAfterSeconds) });
    };
    xhr.onerror = () => resolve({ ok: false, error: { kind: 'unavailable' } });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
