import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import ui from '../../ui/ui.module.css';
import { renderMarkdown } from './markdown.js';
import styles from './proposals.module.css';

export interface MarkdownFieldProps {
  name: string;
  label: string;
  lang: 'sl' | 'en';
  value: string;
  onChange: (value: string) => void;
  isReadOnly?: boolean;
}

/** Proposal text written as lightweight markdown, with a live preview rendered safely beside it. */
export function MarkdownField({ name, label, lang, value, onChange, isReadOnly }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const previewId = `${name}-preview-title`;
  return (
    <div className={styles.markdown}>
      <TextField name={name} value={value} onChange={onChange} isReadOnly={isReadOnly} className={ui.field}>
        <Label className={ui.label}>
          {label} {t('common.optional')}
        </Label>
        <Text slot="description" className={ui.description}>
          {t('proposals.editor.markdownHelp')}
        </Text>
        <FieldError className={ui.fieldError} />
        <TextArea id={`field-${name}`} lang={lang} rows={10} className={`${ui.input} ${styles.textarea}`} />
      </TextField>
      <section className={styles.preview} aria-labelledby={previewId}>
        <h3 id={previewId}>{t('proposals.editor.preview', { field: label })}</h3>
        <div lang={lang}>{value.trim() ? renderMarkdown(value) : <p className={styles.muted}>{t('proposals.editor.previewEmpty')}</p>}</div>
      </section>
    </div>
  );
}
