import { useTranslation } from 'react-i18next';
import { graphql, readFragment, type FragmentOf } from '../../graphql/graphql.js';
import { localeOf } from '../../i18n/format.js';
import styles from './attachments.module.css';

export const ChallengeAttachmentsFragment = graphql(`
  fragment ChallengeAttachments on Challenge {
    attachments {
      id
      fileName
      contentType
      sizeBytes
      url
    }
  }
`);

/** Pictures the browser shows itself get a thumbnail; everything else is a link with its size. */
const PREVIEWABLE = ['image/png', 'image/jpeg', 'image/webp'];

/** "PDF", "PNG": the file's type as people name it (from its extension, else its media type). */
export function fileKind(contentType: string, fileName: string): string {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1];
  return (extension ?? contentType.split('/').pop() ?? '').toUpperCase();
}

/** "340 kB" / "1,2 MB" in the reader's locale. */
export function formatSize(language: string, bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
}

/** The challenge's attachments: image thumbnails (with alt text) and links with type and size. */
export function ChallengeAttachments({ data }: { data: FragmentOf<typeof ChallengeAttachmentsFragment> }) {
  const { t, i18n } = useTranslation();
  const { attachments } = readFragment(ChallengeAttachmentsFragment, data);
  return (
    <section className={styles.section} aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('challengeDetail.attachments')}</h2>
      {attachments.length === 0 ? (
        <p>{t('challengeDetail.noAttachments')}</p>
      ) : (
        <ul className={styles.list}>
          {attachments.map((a) => {
            const image = PREVIEWABLE.includes(a.contentType);
            const kind = fileKind(a.contentType, a.fileName);
            return (
              <li key={a.id} className={styles.item}>
                {image ? (
                  <a href={a.url} className={styles.thumbLink}>
                    <img src={a.url} alt={t('challengeDetail.imageAlt', { name: a.fileName })} className={styles.thumb} width={160} height={120} loading="lazy" decoding="async" />
                  </a>
                ) : null}
                <span className={styles.file}>
                  <a href={a.url} download={a.fileName}>
                    {a.fileName}
                  </a>{' '}
                  <span className={styles.size}>{t('challengeDetail.fileFacts', { kind, size: formatSize(i18n.language, a.sizeBytes) })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
