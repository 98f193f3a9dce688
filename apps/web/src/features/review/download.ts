import { accessToken } from '../../session/session.js';

/** Downloads an attachment (the API wants the Bearer token, so a plain link would not do); false when it failed. */
export async function downloadAttachment(attachment: { id: string; fileName: string }): Promise<boolean> {
  const token = await accessToken();
  const response = await fetch(`/attachments/${encodeURIComponent(attachment.id)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!response?.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = attachment.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
