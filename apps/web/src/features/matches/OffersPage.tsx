import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatEuro, pickText } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import { Banner, EmptyState } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { usePageTitle } from '../../ui/page.js';
import { ApiText } from './MatchExplanation.js';
import styles from './matches.module.css';
import { CloseOfferMutation, MyOffersQuery, PublishOfferMutation } from './queries.js';
import { LoadError, Loading, NoProfile, useMyCreative } from './shared.js';

const route = getRouteApi('/me/offers/');
/** An empty list names no Offer, so new offers must still refresh it. */
export const OFFERS_CONTEXT = { additionalTypenames: ['Offer'] };
type OfferRow = ResultOf<typeof MyOffersQuery>['myOffers']['nodes'][number];
type Outcome = { id: string; kind: 'published' | 'closed' | 'needsDescription' | 'invalidState' | 'failed' };

export function OffersPage() {
  const { t } = useTranslation();
  usePageTitle(t('matches.offers.title'));
  const { done } = route.useSearch();
  const me = useMyCreative();
  return (
    <>
      {done ? (
        <Banner>
          <p>{t(`matches.offers.done.${done}`)}</p>
        </Banner>
      ) : null}
      <h1 tabIndex={-1}>{t('matches.offers.title')}</h1>
      <p>{t('matches.offers.lead')}</p>
      {me.error ? <LoadError error={me.error} /> : me.id === undefined ? <Loading /> : me.id === null ? <NoProfile>{t('matches.noProfile.offers')}</NoProfile> : <Offers />}
    </>
  );
}

function Offers() {
  const { t } = useTranslation();
  const { after } = route.useSearch();
  const [result] = useQuery({ query: MyOffersQuery, variables: { after }, context: OFFERS_CONTEXT });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!result.data) return result.error ? <LoadError error={result.error} /> : <Loading />;
  const { nodes, pageInfo, totalCount } = result.data.myOffers;
  return (
    <div aria-busy={result.fetching || undefined}>
      <p>
        <Link to="/me/offers/new" className={styles.primaryLink}>
          {t('matches.offers.create')}
        </Link>
      </p>
      <h2>{t('matches.offers.count', { count: totalCount })}</h2>
      {nodes.length === 0 ? (
        <EmptyState>
          <p>{t('matches.offers.empty')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {nodes.map((offer) => (
            <OfferItem key={offer.id} offer={offer} outcome={outcome?.id === offer.id ? outcome : null} onOutcome={setOutcome} />
          ))}
        </ul>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <p>
          <Link to="/me/offers" search={{ after: pageInfo.endCursor }}>
            {t('matches.offers.next')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function OfferItem({ offer, outcome, onOutcome }: { offer: OfferRow; outcome: Outcome | null; onOutcome: (outcome: Outcome) => void }) {
  const { t, i18n } = useTranslation();
  const [publishing, publish] = useMutation(PublishOfferMutation);
  const titleId = `offer-${offer.id}`;
  return (
    <li className={styles.item} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.itemTitle}>
        <ApiText value={offer.title} />
      </h3>
      <p>
        <span className={styles.status} data-status={offer.status}>
          {t(`matches.offers.status.${offer.status}`)}
        </span>{' '}
        · {t(`matches.offers.kind.${offer.kind}`)}
        {offer.priceFromEur !== null ? ` · ${t('matches.offers.priceFrom', { price: formatEuro(i18n.language, offer.priceFromEur) })}` : ''}
      </p>
      {outcome ? <OutcomeMessage outcome={outcome} offerId={offer.id} /> : null}
      <p className={styles.actions}>
        <Link to="/me/offers/$offerId" params={{ offerId: offer.id }} aria-label={t('matches.offers.editNamed', { title: pickText(i18n.language, offer.title)?.text ?? '' })}>
          {t('matches.offers.edit')}
        </Link>
        {offer.status !== 'DRAFT' ? (
          <Link to="/offers/$offerId" params={{ offerId: offer.id }}>
            {t('matches.offers.view')}
          </Link>
        ) : null}
        {offer.status === 'DRAFT' ? (
          <Button
            isPending={publishing.fetching}
            onPress={() => {
              void publish({ id: offer.id }, { additionalTypenames: ['Offer'] }).then((r) => onOutcome({ id: offer.id, kind: failure(r.error) ?? 'published' }));
            }}
          >
            {t('matches.offers.publish')}
          </Button>
        ) : null}
        {offer.status === 'PUBLISHED' ? <CloseOffer offer={offer} onOutcome={onOutcome} /> : null}
      </p>
    </li>
  );
}

function failure(error: Parameters<typeof toAppError>[0]): Outcome['kind'] | null {
  const appError = toAppError(error);
  if (!appError) return null;
  if (appError.kind === 'input' && 'description' in appError.fields) return 'needsDescription';
  if (appError.kind === 'invalidState') return 'invalidState';
  return 'failed';
}

function OutcomeMessage({ outcome, offerId }: { outcome: Outcome; offerId: string }) {
  const { t } = useTranslation();
  if (outcome.kind === 'published' || outcome.kind === 'closed') {
    return (
      <Banner>
        <p>{t(`matches.offers.done.${outcome.kind}`)}</p>
      </Banner>
    );
  }
  return (
    <Banner tone="error">
      <p>{t(`matches.offers.failed.${outcome.kind}`)}</p>
      {outcome.kind === 'needsDescription' ? (
        <p>
          <Link to="/me/offers/$offerId" params={{ offerId }}>
            {t('matches.offers.addDescription')}
          </Link>
        </p>
      ) : null}
    </Banner>
  );
}

/** Closing is final (an offer cannot be reopened), so it asks first. */
function CloseOffer({ offer, onOutcome }: { offer: OfferRow; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const [closing, close] = useMutation(CloseOfferMutation);
  return (
    <DialogTrigger>
      <Button variant="secondary">{t('matches.offers.close')}</Button>
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={styles.modal}>
          <Dialog role="alertdialog" className={styles.dialog}>
            {({ close: dismiss }) => (
              <>
                <Heading slot="title">{t('matches.offers.confirmClose.title')}</Heading>
                <p>
                  <ApiText value={offer.title} />
                </p>
                <p>{t('matches.offers.confirmClose.body')}</p>
                <div className={styles.actions}>
                  <Button
                    isPending={closing.fetching}
                    onPress={() => {
                      void close({ id: offer.id }, { additionalTypenames: ['Offer'] }).then((r) => {
                        dismiss();
                        onOutcome({ id: offer.id, kind: failure(r.error) ?? 'closed' });
                      });
                    }}
                  >
                    {t('matches.offers.confirmClose.confirm')}
                  </Button>
                  <Button variant="secondary" onPress={dismiss}>
                    {t('matches.offers.confirmClose.cancel')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
