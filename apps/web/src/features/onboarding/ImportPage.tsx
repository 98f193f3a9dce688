import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.js';
import { accessToken } from '../../session/session.js';
import { Button } from '../../ui/Button.js';
import { Banner } from '../../ui/Feedback.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import styles from './onboarding.module.css';

const RolesQuery = graphql(`
  query ImportRoles {
    me {
      id
      platformRoles
    }
  }
`);

interface ReportRow {
  row: number;
  email: string | null;
  status: 'CREATED' | 'DUPLICATE' | 'INVALID';
  field: string | null;
  reason: string | null;
}

interface Report {
  dryRun: boolean;
  created: number;
  duplicates: number;
  invalid: number;
  rows: ReportRow[];
}

/** POSTs the file to the import route (up to 2 MB; GraphQL bodies are limited to 100 kB). */
async function sendImport(file: File, dryRun: boolean, note: string): Promise<{ report: Report } | { message: string; status: number }> {
  const token = await accessToken();
  const json = /\.json$/i.test(file.name) || file.type === 'application/json';
  const query = new URLSearchParams({ dryRun: String(dryRun), ...(note ? { note } : {}) });
  const response = await fetch(`/creative-invitations/import?${query.toString()}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': json ? 'application/json' : 'text/csv; charset=utf-8', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: await file.text(),
  });
  const body = (await response.json().catch(() => null)) as (Report & { message?: string }) | null;
  if (response.ok && body) return { report: body };
  return { message: body?.message ?? '', status: response.status };
}

/** /me/import: organisers and admins import creatives (CSV or JSON) as invitations; check first, then invite. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('onboarding.import.title'));
  const [roles] = useQuery({ query: RolesQuery });
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const allowed = roles.data?.me?.platformRoles.some((r) => r === 'ADMIN' || r === 'ORGANISER');

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFailure(t('onboarding.import.noFile'));
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    const result = await sendImport(file, dryRun, note.trim());
    setBusy(null);
    if ('report' in result) setReport(result.report);
    else setFailure(result.status === 413 ? t('onboarding.import.tooLarge') : result.message || t('errors.unexpected'));
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('onboarding.import.title')}</h1>
      {roles.data && !allowed ? (
        <Banner tone="error">
          <p>{t('onboarding.import.notAllowed')}</p>
        </Banner>
      ) : (
        <>
          <p>{t('onboarding.import.lead')}</p>
          <p>{t('onboarding.import.columns')}</p>
          <Form
            onSubmit={(event) => {
              event.preventDefault();
              void run(false);
            }}
          >
            <div className={styles.fileField}>
              <label htmlFor="import-file">{t('onboarding.import.file')}</label>
              <input
                id="import-file"
                type="file"
                accept=".csv,.json,text/csv,application/json"
                onChange={(event) => {
                  setFile(event.currentTarget.files?.[0] ?? null);
                  setReport(null);
                }}
              />
            </div>
            <TextField name="note" label={t('onboarding.import.note')} description={t('onboarding.import.noteHint')} optional value={note} onChange={setNote} maxLength={1000} />
            <div className={styles.buttons}>
              <Button variant="secondary" isPending={busy === 'check'} onPress={() => void run(true)}>
                {t('onboarding.import.check')}
              </Button>
              <Button type="submit" isPending={busy === 'import'}>
                {t('onboarding.import.submit')}
              </Button>
            </div>
          </Form>
          {failure ? (
            <Banner tone="error">
              <p>{failure}</p>
            </Banner>
          ) : null}
          {report ? (
            <section aria-labelledby="import-report">
              <h2 id="import-report">{report.dryRun ? t('onboarding.import.checked') : t('onboarding.import.done')}</h2>
              <p role="status">{t('onboarding.import.summary', { created: report.created, duplicates: report.duplicates, invalid: report.invalid })}</p>
              <div className={styles.tableWrap}>
                <table className={styles.table}>
                  <caption className="visually-hidden">{t('onboarding.import.rows')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('onboarding.import.row')}</th>
                      <th scope="col">{t('onboarding.field.email')}</th>
                      <th scope="col">{t('onboarding.import.status')}</th>
                      <th scope="col">{t('onboarding.import.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rows.map((row) => (
                      <tr key={row.row}>
                        <td>{row.row}</td>
                        <td>{row.email ?? ''}</td>
                        <td>{t(`onboarding.import.rowStatus.${row.status}${report.dryRun && row.status === 'CREATED' ? '_DRY' : ''}`)}</td>
                        <td lang="en">{row.field && row.reason ? `${row.field}: ${row.reason}` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
