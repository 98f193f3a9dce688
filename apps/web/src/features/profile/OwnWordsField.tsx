import { useState } from 'react';
import { Button as AriaButton, Input, Label, Tag, TagGroup, TagList, Text, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import ui from '../../ui/ui.module.css';
import { addWord, MAX_ENTRIES, MAX_LENGTH, optionNamed, remaining, removeWords } from './own-words.js';
import styles from './profile.module.css';

function CrossIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" focusable="false">
      <path d="M2 2l8 8M10 2l-8 8" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * Entries in the creative's own words: a text field with an add button (Enter adds too) and the
 * entries as removable chips (each remove button names its entry; Delete or Backspace removes the
 * focused chip). `codes` is how many entries of the same list are chosen codes (the limit counts
 * both) and `taken` their labels, so a label typed again is not added twice. An entry that names
 * one of `options` (the list's label or code) is chosen from the list (`onPick`), as the API would.
 */
export function OwnWordsField({ name, label, words, onChange, codes, taken, options, onPick }: {
  name: string;
  label: string;
  words: readonly string[];
  onChange: (words: string[]) => void;
  codes: number;
  taken: readonly string[];
  options: readonly { code: string; label: string }[];
  onPick: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const left = remaining(words, codes);

  const add = () => {
    const named = optionNamed(options, input);
    if (named && taken.includes(named.label)) {
      setProblem(null);
      setStatus(t('profile.ownWords.duplicate', { entry: named.label }));
      return;
    }
    if (named) {
      if (words.length + codes >= MAX_ENTRIES) {
        setProblem(t('profile.ownWords.tooMany', { max: MAX_ENTRIES }));
        return;
      }
      onPick(named.code);
      setInput('');
      setProblem(null);
      setStatus(t('profile.ownWords.picked', { entry: named.label }));
      return;
    }
    const result = addWord(words, input, codes, taken);
    switch (result.kind) {
      case 'added':
        onChange(result.words);
        setInput('');
        setProblem(null);
        setStatus(t('profile.ownWords.added', { entry: result.entry }));
        return;
      case 'empty':
        setProblem(t('profile.ownWords.empty'));
        return;
      case 'duplicate':
        // Ignored: the entry is there already. Said politely, the text stays for the person to change.
        setProblem(null);
        setStatus(t('profile.ownWords.duplicate', { entry: result.entry }));
        return;
      case 'tooLong':
        setProblem(t('profile.ownWords.tooLong', { count: result.length, max: MAX_LENGTH }));
        return;
      case 'tooMany':
        setProblem(t('profile.ownWords.tooMany', { max: MAX_ENTRIES }));
        return;
    }
  };

  return (
    <div className={`${ui.field} ${styles.ownWords}`}>
      <AriaTextField
        value={input}
        onChange={(value) => {
          setInput(value);
          setStatus('');
        }}
        isInvalid={Boolean(problem)}
        className={styles.combo}
      >
        <Label className={ui.label}>
          {label} {t('common.optional')}
        </Label>
        <Text slot="description" className={ui.description}>
          {t('profile.ownWords.hint', { max: MAX_ENTRIES, length: MAX_LENGTH })} {t('profile.ownWords.left', { count: left })}
        </Text>
        {problem ? (
          <Text slot="errorMessage" className={ui.fieldError}>
            {problem}
          </Text>
        ) : null}
        <div className={styles.comboRow}>
          <Input
            id={`field-${name}`}
            className={ui.input}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Enter adds the entry instead of submitting the whole profile.
              event.preventDefault();
              add();
            }}
          />
          <Button variant="secondary" onPress={add} aria-label={t('profile.ownWords.addNamed', { label })}>
            {t('profile.ownWords.add')}
          </Button>
        </div>
      </AriaTextField>
      <p className={styles.ownWordsStatus} role="status">
        {status}
      </p>
      <TagGroup
        aria-label={t('profile.ownWords.list', { label })}
        onRemove={(keys) => {
          const removed = [...keys].map(String);
          onChange(removeWords(words, removed));
          setProblem(null);
          setStatus(t('profile.ownWords.removed', { entry: removed.join(', ') }));
        }}
        className={styles.tags}
      >
        <TagList items={words.map((w) => ({ id: w }))} className={styles.tagList} renderEmptyState={() => <span className={ui.description}>{t('profile.ownWords.none')}</span>}>
          {(item) => (
            <Tag id={item.id} textValue={item.id} className={styles.tag}>
              {item.id}
              <AriaButton slot="remove" className={styles.tagRemove} aria-label={t('profile.field.remove', { label: item.id })}>
                <CrossIcon />
              </AriaButton>
            </Tag>
          )}
        </TagList>
      </TagGroup>
    </div>
  );
}
