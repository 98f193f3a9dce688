import { useState } from 'react';
import { FileTrigger, Form, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { readFragment, type FragmentOf, type ResultOf } from '../../graphql/graphql.js';
import { pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { EmptyState } from '../../ui/Feedback.js';
import ui from '../../ui/ui.module.css';
import { TextField } from '../../ui/TextField.js';
import { TextAreaField } from './fields.js';
import { describe, fieldErrors, general, NO_ERRORS, type FormErrors } from './form-errors.js';
import { Notice } from './ProfilePage.js';
import styles from './profile.module.css';
import { AddItemMutation, PortfolioItemFields, RemoveImageMutation, RemoveItemMutation, ReorderMutation, UpdateItemMutation } from './queries.js';
import { CLIENT_MAX, clientAndYear, parseYear } from './portfolio-item.js';
import { uploadPortfolioImage } from './upload.js';

type Item = ResultOf<typeof PortfolioItemFields>;
const ITEM_FIELDS = ['titleSl', 'titleEn', 'descriptionSl', 'descriptionEn', 'year', 'client', 'link', 'file'] as const;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The portfolio: items in order with their images; add, edit, reorder, remove. */
export function PortfolioSection({ items: masked, refetch }: { items: readonly FragmentOf<typeof PortfolioItemFields>[]; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const items = masked.map((m) => readFragment(PortfolioItemFields, m));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [listError, setListError] = useState<string[]>([]);
  const [, remove] = useMutation(RemoveItemMutation);
  const [, reorder] = useMutation(ReorderMutation);
  const titleOf = (item: Item) => pickText(i18n.language, item.title)?.text ?? t('profile.portfolio.untitled');

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    void reorder({ ids }).then((r) => {
      setListError(r.error ? describe(t, i18n.language, r.error, []).general : []);
      refetch();
    });
  };

  return (
    <section className={styles.section} aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{t('profile.sections.portfolio')}</h2>
      <p>{t('profile.portfolio.lead')}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {listError.length > 0 ? <ErrorSummary errors={{}} general={listError} /> : null}
      {items.length === 0 ? (
        <EmptyState>
          <p>{t('profile.portfolio.empty')}</p>
        </EmptyState>
      ) : (
        <ol className={styles.items}>
          {items.map((item, index) => {
            const title = titleOf(item);
            const description = pickText(i18n.language, item.description);
            const made = clientAndYear(item);
            return (
              <li key={item.id} className={styles.item}>
                {item.image ? <img className={styles.thumb} src={item.image.url} alt={title} width={160} height={120} loading="lazy" /> : <span className={styles.thumb} aria-hidden="true" />}
                <div>
                  <h3 lang={pickText(i18n.language, item.title)?.lang}>{title}</h3>
                  {made ? <p className={styles.made}>{made}</p> : null}
                  {description ? (
                    <p className={styles.description} lang={description.lang}>
                      {description.text}
                    </p>
                  ) : null}
                  {item.link ? (
                    <p>
                      <a href={item.link} rel="noopener noreferrer">
                        {item.link}
                      </a>
                    </p>
                  ) : null}
                  {editing === item.id ? (
                    <ItemForm
                      item={item}
                      onCancel={() => setEditing(null)}
                      onDone={(message) => {
                        setEditing(null);
                        setNotice(message);
                        refetch();
                      }}
                      refetch={refetch}
                    />
                  ) : (
                    <div className={styles.actions}>
                      <Button variant="secondary" onPress={() => setEditing(item.id)}>
                        {t('profile.portfolio.edit', { title })}
                      </Button>
                      {index > 0 ? (
                        <Button variant="secondary" onPress={() => move(index, -1)}>
                          {t('profile.portfolio.moveUp', { title })}
                        </Button>
                      ) : null}
                      {index < items.length - 1 ? (
                        <Button variant="secondary" onPress={() => move(index, 1)}>
                          {t('profile.portfolio.moveDown', { title })}
                        </Button>
                      ) : null}
                      <Button
                        variant="secondary"
                        onPress={() => {
                          if (!window.confirm(t('profile.portfolio.confirmRemove', { title }))) return;
                          void remove({ id: item.id }).then((r) => {
                            if (r.error) setListError(describe(t, i18n.language, r.error, []).general);
                            else {
                              setListError([]);
                              setNotice(t('profile.portfolio.removed', { title }));
                            }
                            refetch();
                          });
                        }}
                      >
                        {t('profile.portfolio.remove', { title })}
                      </Button>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {editing === 'new' ? (
        <ItemForm
          item={null}
          onCancel={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            refetch();
          }}
          refetch={refetch}
        />
      ) : (
        <Button
          onPress={() => {
            setNotice(null);
            setEditing('new');
          }}
        >
          {t('profile.portfolio.add')}
        </Button>
      )}
    </section>
  );
}

/** Add or edit one item: texts first (GraphQL), then the image (REST upload with progress). */
function ItemForm({ item, onCancel, onDone, refetch }: { item: Item | null; onCancel: () => void; onDone: (message: string) => void; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState({
    titleSl: item?.title.sl ?? '', titleEn: item?.title.en ?? '', descriptionSl: item?.description.sl ?? '', descriptionEn: item?.description.en ?? '', link: item?.link ?? '',
    year: item?.year === null || item?.year === undefined ? '' : String(item.year), client: item?.client ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [progress, setProgress] = useState<number | null>(null);
  /** Once saved, a failed upload retries on the same item instead of adding another. */
  const [savedId, setSavedId] = useState<string | null>(item?.id ?? null);
  const [addState, add] = useMutation(AddItemMutation);
  const [updateState, update] = useMutation(UpdateItemMutation);
  const [removeImageState, removeImage] = useMutation(RemoveImageMutation);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const heading = item ? t('profile.portfolio.editTitle', { title: pickText(i18n.language, item.title)?.text ?? t('profile.portfolio.untitled') }) : t('profile.portfolio.addTitle');
  const headingId = `item-form-${item?.id ?? 'new'}`;

  const submit = async () => {
    const problems: string[] = [];
    if (!values.titleSl.trim() && !values.titleEn.trim()) problems.push('titleSl');
    if (values.titleSl.length > 200) problems.push('titleSl');
    if (values.titleEn.length > 200) problems.push('titleEn');
    const year = parseYear(values.year);
    if (Number.isNaN(year)) problems.push('year');
    if (values.client.trim().length > CLIENT_MAX) problems.push('client');
    if (values.link.trim() && !/^https?:\/\/\S+$/i.test(values.link.trim())) problems.push('link');
    if (file && (!IMAGE_TYPES.includes(file.type) || file.size > MAX_IMAGE_BYTES)) problems.push('file');
    if (problems.length > 0) {
      setErrors(fieldErrors(t, problems, ITEM_FIELDS));
      return;
    }
    const input = {
      title: { sl: values.titleSl, en: values.titleEn },
      description: { sl: values.descriptionSl, en: values.descriptionEn },
      link: values.link.trim() || null,
      year,
      client: values.client.trim() || null,
    };
    let id = savedId;
    const result = id ? await update({ id, input }) : await add({ input });
    if (result.error) {
      setErrors(describe(t, i18n.language, result.error, ITEM_FIELDS, { invalidState: t('profile.error.tooMany') }));
      return;
    }
    const data = result.data;
    const saved = data && 'addPortfolioItem' in data ? data.addPortfolioItem : data && 'updatePortfolioItem' in data ? data.updatePortfolioItem : null;
    id = saved ? readFragment(PortfolioItemFields, saved).id : id;
    setSavedId(id);
    if (!file || !id) {
      setErrors(NO_ERRORS);
      onDone(t('profile.portfolio.itemSaved'));
      return;
    }
    setProgress(0);
    const uploaded = await uploadPortfolioImage(id, file, setProgress);
    setProgress(null);
    if (!uploaded.ok) {
      // The texts are saved: show the item and keep this form open to try another image.
      refetch();
      if (uploaded.error.kind === 'input') setErrors(fieldErrors(t, ['file'], ITEM_FIELDS));
      else setErrors(general(t, i18n.language, uploaded.error));
      return;
    }
    setErrors(NO_ERRORS);
    onDone(t('profile.portfolio.uploaded'));
  };

  return (
    <div className={styles.itemForm} role="group" aria-labelledby={headingId}>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <h3 id={headingId}>{heading}</h3>
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField name="titleSl" label={t('profile.portfolio.titleSl')} description={t('profile.portfolio.titleHint')} value={values.titleSl} onChange={set('titleSl')} lang="sl" />
        <TextField name="titleEn" label={t('profile.portfolio.titleEn')} optional value={values.titleEn} onChange={set('titleEn')} lang="en" />
        <TextAreaField name="descriptionSl" label={t('profile.portfolio.descriptionSl')} optional value={values.descriptionSl} onChange={set('descriptionSl')} lang="sl" />
        <TextAreaField name="descriptionEn" label={t('profile.portfolio.descriptionEn')} optional value={values.descriptionEn} onChange={set('descriptionEn')} lang="en" />
        <TextField name="year" inputMode="numeric" label={t('profile.portfolio.year')} description={t('profile.portfolio.yearHint', { max: new Date().getFullYear() + 1 })} optional value={values.year} onChange={set('year')} />
        <TextField name="client" label={t('profile.portfolio.client')} description={t('profile.portfolio.clientHint')} optional value={values.client} onChange={set('client')} />
        <TextField name="link" type="url" label={t('profile.portfolio.link')} optional value={values.link} onChange={set('link')} />
        <div className={ui.field}>
          <span className={ui.label} id="item-image-label">
            {t('profile.portfolio.image')} {t('common.optional')}
          </span>
          <span className={ui.description}>{t('profile.portfolio.imageHint')}</span>
          {errors.fields.file ? <span className={ui.fieldError}>{errors.fields.file}</span> : null}
          <div className={styles.actions}>
            <FileTrigger acceptedFileTypes={IMAGE_TYPES} onSelect={(files) => setFile(files?.[0] ?? null)}>
              <Button variant="secondary" id="field-file">
                {item?.image ? t('profile.portfolio.replaceImage') : t('profile.portfolio.chooseImage')}
              </Button>
            </FileTrigger>
            {item?.image && !file ? (
              <Button
                variant="secondary"
                isPending={removeImageState.fetching}
                onPress={() => {
                  void removeImage({ id: item.id }).then((r) => {
                    if (r.error) setErrors(describe(t, i18n.language, r.error, []));
                    else refetch();
                  });
                }}
              >
                {t('profile.portfolio.removeImage')}
              </Button>
            ) : null}
          </div>
          {file ? <p className={styles.chosenFile}>{t('profile.portfolio.chosen', { name: file.name })}</p> : null}
          {progress !== null ? (
            <ProgressBar value={progress} className={styles.progress} aria-label={t('profile.portfolio.uploading')}>
              {({ percentage, valueText }) => (
                <>
                  <span>
                    {t('profile.portfolio.uploading')} {valueText}
                  </span>
                  <div className={styles.bar}>
                    <div className={styles.fill} style={{ width: `${percentage ?? 0}%` }} />
                  </div>
                </>
              )}
            </ProgressBar>
          ) : null}
        </div>
        <div className={styles.actions}>
          <Button type="submit" isPending={addState.fetching || updateState.fetching || progress !== null}>
            {t('profile.portfolio.save')}
          </Button>
          <Button variant="secondary" onPress={onCancel}>
            {t('profile.portfolio.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
