import { useState } from 'react';
import { FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import { useSession } from '../../session/useSession.js';
import { Button } from '../../ui/Button.js';
import { Banner } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import ui from '../../ui/ui.module.css';
import { useIsOpen } from './Countdown.js';
import { describeFailure } from './describe.js';
import styles from './proposals.module.css';
import { AskQuestionMutation } from './queries.js';

export interface AskQuestionProps {
  challengeId: string;
  status: string;
  deadline: string | null;
  /** Called after a question was sent (the page refetches its Q&A so the question shows). */
  onAsked?: () => void;
}

const MAX_QUESTION = 2000;

/**
 * Asking the owner a question on a challenge page (below the public Q&A). The API publishes
 * answered questions to everyone and never shows who asked; until answered, only the asker and
 * the owner see it.
 */
export function AskQuestion({ challengeId, status, deadline, onAsked }: AskQuestionProps) {
  const { t, i18n } = useTranslation();
  const account = useSession();
  const open = useIsOpen({ status, deadline });
  const [state, ask] = useMutation(AskQuestionMutation);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  let content;
  if (!open) content = <p>{t('proposals.qa.closed')}</p>;
  else if (!account) {
    content = (
      <p>
        <Link to="/sign-in" search={{ redirect: `/challenges/${challengeId}` }}>
          {t('proposals.qa.signIn')}
        </Link>
      </p>
    );
  } else {
    content = (
      <>
        {sent ? (
          <Banner>
            <p>{t('proposals.qa.sent')}</p>
          </Banner>
        ) : null}
        {general ? (
          <Banner tone="error">
            <p>{general}</p>
          </Banner>
        ) : null}
        <Form
          validationBehavior="aria"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            const question = value.trim();
            if (!question || question.length > MAX_QUESTION) {
              setErrors({ question: t('proposals.errors.question') });
              return;
            }
            setErrors({});
            setGeneral(null);
            setSent(false);
            void ask({ challengeId, question, language: i18n.language === 'en' ? 'en' : 'sl' }).then((r) => {
              const error = toAppError(r.error);
              if (error) {
                const described = describeFailure(t, i18n.language, error, { question: 'question' }, { invalidState: t('proposals.qa.invalidState'), forbidden: t('proposals.qa.forbidden') });
                setErrors(described.fields);
                setGeneral(described.general[0] ?? null);
                return;
              }
              setValue('');
              setSent(true);
              onAsked?.();
            });
          }}
        >
          <TextField
            name="question"
            value={value}
            onChange={(next) => {
              setValue(next);
              // The message goes while typing, not on blur: a blur-time change would move the
              // button under the pointer and swallow the click that caused the blur.
              if (errors.question) setErrors({});
            }}
            className={ui.field}
          >
            <Label className={ui.label}>{t('proposals.qa.label')}</Label>
            <Text slot="description" className={ui.description}>
              {t('proposals.qa.publicNote')}
            </Text>
            <FieldError className={ui.fieldError} />
            <TextArea id="field-question" className={`${ui.input} ${styles.textarea}`} rows={4} />
          </TextField>
          <Button type="submit" isPending={state.fetching}>
            {t('proposals.qa.submit')}
          </Button>
        </Form>
      </>
    );
  }
  return (
    <div className={styles.ask}>
      <h3>{t('proposals.qa.title')}</h3>
      {content}
    </div>
  );
}
