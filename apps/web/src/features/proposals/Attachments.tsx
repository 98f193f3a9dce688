import { useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/format.js';
import { accessToken } from '../../session/session.js';
import { Button } from '../../ui/Button.js';
import styles from './proposals.module.css';
import { ACCEPTED_TYPES, type UploadFailure, uploadAttachment } from './upload.js';

export interface AttachmentRow {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

interface UploadRow {
  key: string;
  fileName: string;
  percent: number;
  failure: UploadFailure | null;
  done: boolean;
}

export function formatSize(language: string, bytes: number): string {
  const locale = localeOf(language);
  if (bytes < 1024 * 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** Downloads one of the proposal's files (the API wants the Bearer token, so a plain link would not do). */
async function download(attachment: AttachmentRow): Promise<boolean> {
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

/**
 * The proposal's files: the list, and uploads with a percentage each (one file at a time, in the
 * order chosen). The API keeps files once added (there is no removal), which the hint says.
 */
export function Attachments({ proposalId, attachments, canUpload, onUploaded }: { proposalId: string; attachments: AttachmentRow[]; canUpload: boolean; onUploaded: () => void }) {
  const { t, i18n } = useTranslation();
  const [uploads, setUploads] = useState<UploadRow[]>([]);
  const [downloadFailed, setDownloadFailed] = useState(false);
  /** Said once per finished upload in a polite live region (the percentage itself is not announced). */
  const [announcement, setAnnouncement] = useState('');
  const busy = uploads.some((u) => !u.done);

  const start = async (files: File[]) => {
    const rows = files.map((file, index) => ({ key: `${Date.now()}-${index}`, fileName: file.name, percent: 0, failure: null, done: false }));
    setUploads((current) => [...current.filter((u) => !u.done || u.failure), ...rows]);
    for (const [index, file] of files.entries()) {
      const key = rows[index].key;
      const update = (patch: Partial<UploadRow>) => setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...patch } : u)));
      const result = await uploadAttachment(proposalId, file, (percent) => update({ percent }));
      if (result.ok) {
        update({ percent: 100, done: true });
        setAnnouncement(t('proposals.attachments.uploaded', { name: file.name }));
        onUploaded();
      } else update({ failure: result.failure, done: true });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('proposals.attachments.title')}</h2>
      {attachments.length === 0 ? (
        <p>{t('proposals.attachments.none')}</p>
      ) : (
        <ul className={styles.files}>
          {attachments.map((a) => (
            <li key={a.id}>
              <Button
                variant="secondary"
                aria-label={t('proposals.attachments.download', { name: a.fileName })}
                onPress={() => {
                  setDownloadFailed(false);
                  void download(a).then((ok) => setDownloadFailed(!ok));
                }}
              >
                {a.fileName}
              </Button>{' '}
              <span className={styles.muted}>
                {t('proposals.attachments.meta', { type: a.fileName.split('.').pop()?.toUpperCase() ?? '', size: formatSize(i18n.language, a.sizeBytes) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {downloadFailed ? <p role="alert">{t('proposals.attachments.downloadFailed')}</p> : null}
      {canUpload ? (
        <>
          <p className={styles.muted}>{t('proposals.attachments.hint')}</p>
          <FileTrigger allowsMultiple acceptedFileTypes={ACCEPTED_TYPES} onSelect={(list) => (list && list.length > 0 ? void start([...list]) : undefined)}>
            <Button variant="secondary" isPending={busy}>
              {t('proposals.attachments.add')}
            </Button>
          </FileTrigger>
        </>
      ) : null}
      {uploads.length > 0 ? (
        <ul className={styles.uploads} aria-label={t('proposals.attachments.uploads')}>
          {uploads.map((u) => (
            <li key={u.key}>
              {u.failure ? (
                <p role="alert" className={styles.uploadError}>
                  {t('proposals.attachments.failed', { name: u.fileName, reason: t(`proposals.attachments.failure.${u.failure}`) })}
                </p>
              ) : (
                <>
                  <label htmlFor={`upload-${u.key}`}>{t(u.done ? 'proposals.attachments.uploaded' : 'proposals.attachments.uploading', { name: u.fileName })}</label>{' '}
                  <progress id={`upload-${u.key}`} max={100} value={u.percent}>
                    {t('proposals.attachments.percent', { percent: u.percent })}
                  </progress>{' '}
                  <span aria-hidden="true">{t('proposals.attachments.percent', { percent: u.percent })}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
