import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localeOf } from '../../i18n/format.js';
import styles from './proposals.module.css';

/** The current time, ticking every `intervalMs` while mounted. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Whether a challenge takes proposals now, re-rendering only once: when its deadline passes (a
 * single timer, not a tick every second).
 */
export function useIsOpen(challenge: { status: string; deadline?: string | null }): boolean {
  const [now, setNow] = useState(() => new Date());
  const deadline = challenge.deadline ? Date.parse(challenge.deadline) : null;
  useEffect(() => {
    if (deadline === null) return;
    const wait = deadline - Date.now();
    if (wait < 0) return;
    // setTimeout holds at most 2^31-1 ms (about 24 days); a later deadline re-arms then.
    const id = setTimeout(() => setNow(new Date()), Math.min(wait + 50, 2_147_483_647));
    return () => clearTimeout(id);
  }, [deadline, now]);
  return isOpen(challenge, now);
}

/** Whether a challenge takes proposals (and questions) at `now`: published and before its deadline. */
export function isOpen(challenge: { status: string; deadline?: string | null }, now: Date): boolean {
  return challenge.status === 'PUBLISHED' && (!challenge.deadline || Date.parse(challenge.deadline) > now.getTime());
}

/** "2 days, 3 hours, 4 minutes and 5 seconds" in the locale's words and plurals (Intl only). */
export function formatRemaining(language: string, milliseconds: number): string {
  const locale = localeOf(language);
  let seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const parts: [number, string][] = [
    [days, 'day'],
    [hours, 'hour'],
    [minutes, 'minute'],
    [seconds, 'second'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  const shown = first < 0 ? parts.slice(3) : parts.slice(first);
  const words = shown.map(([value, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value));
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
}

/**
 * A live countdown to a deadline (it stays mounted past the deadline, to say once that it passed). The ticking text is a `timer` (never announced on its own:
 * screen readers read it when the user reaches it); the deadline itself is plain text, and the
 * moment it passes is said once in a polite live region.
 */
export function Countdown({ deadline, onClosed }: { deadline: string; onClosed?: () => void }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const remaining = Date.parse(deadline) - now.getTime();
  const closed = remaining <= 0;
  const wasOpen = useRef(!closed);
  const [justClosed, setJustClosed] = useState(false);
  useEffect(() => {
    if (closed && wasOpen.current) {
      wasOpen.current = false;
      setJustClosed(true);
      onClosed?.();
    }
  }, [closed, onClosed]);
  return (
    <div className={styles.countdown}>
      {closed ? null : (
        <>
          <p>{t('proposals.countdown.deadline', { date: formatDateTime(i18n.language, deadline) })}</p>
          <p>
            {t('proposals.countdown.left')}{' '}
            <span role="timer" aria-live="off" aria-atomic="true" className={styles.timer}>
              {formatRemaining(i18n.language, remaining)}
            </span>
          </p>
        </>
      )}
      <p role="status" className={justClosed ? undefined : 'visually-hidden'}>
        {justClosed ? t('proposals.countdown.justClosed') : ''}
      </p>
    </div>
  );
}
