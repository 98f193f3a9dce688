import { useEffect, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Button } from '../../ui/Button.js';
import ui from '../../ui/ui.module.css';
import styles from './proposals.module.css';
import { CoAuthorSearchQuery } from './queries.js';

export interface CoAuthor {
  id: string;
  displayName: string;
}

export interface CoAuthorPickerProps {
  value: CoAuthor[];
  onChange: (value: CoAuthor[]) => void;
  /** The lead author's profile (never offered as a co-author). */
  leadId: string | null;
  error?: string;
  isReadOnly?: boolean;
}

/** Co-authors: the chosen ones with a remove button, and a search by name for more (public creative profiles). */
export function CoAuthorPicker({ value, onChange, leadId, error, isReadOnly }: CoAuthorPickerProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setQuery(input.trim()), 250);
    return () => clearTimeout(id);
  }, [input]);
  const [result] = useQuery({ query: CoAuthorSearchQuery, variables: { query }, pause: query.length < 2 });
  const taken = new Set([...value.map((c) => c.id), leadId ?? '']);
  const options = (query.length >= 2 ? (result.data?.searchCreatives.nodes ?? []) : []).filter((c) => !taken.has(c.id));

  return (
    <fieldset className={styles.fieldset} aria-describedby="coauthors-hint">
      <legend className={ui.label}>
        {t('proposals.editor.coAuthors')} {t('common.optional')}
      </legend>
      <p id="coauthors-hint" className={ui.description}>
        {t('proposals.editor.coAuthorsHint')}
      </p>
      {error ? (
        <p id="field-coAuthors" tabIndex={-1} className={ui.fieldError}>
          {error}
        </p>
      ) : null}
      {value.length === 0 ? (
        <p>{t('proposals.editor.noCoAuthors')}</p>
      ) : (
        <ul className={styles.chips}>
          {value.map((c) => (
            <li key={c.id}>
              <span>{c.displayName}</span>
              {isReadOnly ? null : (
                <Button variant="secondary" aria-label={t('proposals.editor.removeCoAuthor', { name: c.displayName })} onPress={() => onChange(value.filter((x) => x.id !== c.id))}>
                  {t('proposals.editor.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {isReadOnly ? null : (
        <ComboBox
          className={ui.field}
          inputValue={input}
          onInputChange={setInput}
          menuTrigger="input"
          // A search box: what was typed stays (never reset to a "selected" value); a choice is added to the list above.
          allowsCustomValue
          allowsEmptyCollection
          onSelectionChange={(key) => {
            const chosen = options.find((c) => c.id === key);
            if (chosen) {
              onChange([...value, { id: chosen.id, displayName: chosen.displayName }]);
              setInput('');
            }
          }}
        >
          <Label className={ui.label}>{t('proposals.editor.findCoAuthor')}</Label>
          <Text slot="description" className={ui.description}>
            {t('proposals.editor.findCoAuthorHint')}
          </Text>
          <Input className={ui.input} />
          <Popover className={styles.popover}>
            <ListBox
              items={options}
              className={styles.listbox}
              renderEmptyState={() => <p className={styles.option}>{result.fetching || input.trim() !== query ? t('common.loading') : t('proposals.editor.noCreativeFound')}</p>}
            >
              {(c) => (
                <ListBoxItem id={c.id} textValue={c.displayName} className={styles.option}>
                  {c.displayName}
                  {c.municipality ? ` (${c.municipality.name})` : ''}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
      )}
    </fieldset>
  );
}
