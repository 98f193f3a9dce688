import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import {
  Button as AriaButton, Dialog, DialogTrigger, Form, Heading, Label, ListBox, ListBoxItem, Modal, ModalOverlay, Popover, Radio, RadioGroup, Select, SelectValue, type Key,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { toAppError, type AppError } from '../../graphql/errors.js';
import type { ResultOf } from '../../graphql/graphql.js';
import { formatDate } from '../../i18n/format.js';
import { Button } from '../../ui/Button.js';
import choice from '../../ui/choice.module.css';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import { Banner, EmptyState, Skeleton } from '../../ui/Feedback.js';
import { Link } from '../../ui/Link.js';
import { NotFoundPage } from '../../ui/NotFoundPage.js';
import { usePageTitle } from '../../ui/page.js';
import { TextField } from '../../ui/TextField.js';
import ui from '../../ui/ui.module.css';
import { describeError, type FormErrors } from '../account/describe-error.js';
import {
  checkProfile, ChevronIcon, describeProfileError, LogoField, NO_ERRORS, ProfileFields, profileErrors, profileInput, ROLES, useRoleLabel, useUploadState,
  type OrganisationKind, type ProfileValues, type Role,
} from './fields.js';
import styles from './orgs.module.css';
import {
  ChangeRoleMutation, InviteMemberMutation, ManageOrganisationQuery, MY_ORGANISATIONS_CONTEXT, MyRolesQuery, RemoveLogoMutation, RemoveMemberMutation, ResendInvitationMutation, RevokeInvitationMutation,
  UpdateOrganisationMutation,
} from './queries.js';
import { uploadLogo } from './upload.js';

const route = getRouteApi('/me/organisations/$organisationId/');
type Data = ResultOf<typeof ManageOrganisationQuery> & ResultOf<typeof MyRolesQuery>;
type Organisation = Data['organisation'];
type Member = Data['organisationMembers'][number];
type Invitation = NonNullable<Data['organisationInvitations']>[number];
/** Outcome of the last action in a section: said next to it, in the user's language. */
type Notice = { tone: 'success' | 'error'; text: string } | null;

/** The route's variables: invitations are asked for when the signed-in account owns the organisation. */
export function manageVariables(organisationId: string, memberships: readonly { role: string; organisation: { id: string } }[] | undefined) {
  return { id: organisationId, owner: memberships?.some((m) => m.organisation.id === organisationId && m.role === 'OWNER') ?? false };
}

export function ManageOrganisationPage() {
  const { t } = useTranslation();
  const { organisationId } = route.useParams();
  const { done } = route.useSearch();
  const [roles, reexecuteRoles] = useQuery({ query: MyRolesQuery, context: MY_ORGANISATIONS_CONTEXT, requestPolicy: 'cache-and-network' });
  const variables = manageVariables(organisationId, roles.data?.me.memberships);
  const [result, reexecute] = useQuery({ query: ManageOrganisationQuery, variables, pause: !roles.data });
  const refetch = () => {
    reexecuteRoles({ requestPolicy: 'network-only' });
    reexecute({ requestPolicy: 'network-only' });
  };
  const data = result.data && roles.data ? { ...result.data, me: roles.data.me } : null;
  usePageTitle(data?.organisation.name ?? t('orgs.manage.loadingTitle'));
  const appError = toAppError(roles.error ?? result.error);
  if (appError?.kind === 'notFound') return <NotFoundPage />;
  if (!data) {
    return (
      <>
        <p>
          <Link to="/me/organisations">{t('orgs.manage.back')}</Link>
        </p>
        {appError ? <LoadProblem error={appError} /> : <Loading />}
      </>
    );
  }
  const role = (data.me.memberships.find((m) => m.organisation.id === organisationId)?.role ?? null) as Role | null;
  return (
    <>
      {done === 'created' ? (
        <Banner>
          <p>{t('orgs.manage.done.created')}</p>
        </Banner>
      ) : done === 'createdWithoutLogo' ? (
        <Banner tone="error">
          <p>{t('orgs.manage.done.createdWithoutLogo')}</p>
        </Banner>
      ) : null}
      <p>
        <Link to="/me/organisations">{t('orgs.manage.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{data.organisation.name}</h1>
      <RoleLine role={role} organisationId={organisationId} />
      {role === 'OWNER' || role === 'EDITOR' ? (
        <ProfileSection organisation={data.organisation} places={data.referenceData.municipalities} refetch={refetch} />
      ) : (
        <p>{t('orgs.manage.readOnly')}</p>
      )}
      <MembersSection organisationId={organisationId} members={data.organisationMembers} isOwner={role === 'OWNER'} myAccountId={data.me.id} refetch={refetch} />
      {role === 'OWNER' ? <InvitationsSection organisationId={organisationId} invitations={data.organisationInvitations ?? []} refetch={refetch} /> : null}
    </>
  );
}

function RoleLine({ role, organisationId }: { role: Role | null; organisationId: string }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <p className={styles.actions}>
      {role ? <span>{t('orgs.mine.yourRole', { role: roleLabel(role) })}</span> : null}
      <Link to="/organisations/$organisationId" params={{ organisationId }}>
        {t('orgs.manage.publicPage')}
      </Link>
    </p>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      <Skeleton width="50%" height="2rem" />
      <Skeleton width="80%" />
      <Skeleton width="70%" />
    </div>
  );
}

function LoadProblem({ error }: { error: AppError }) {
  const { t } = useTranslation();
  return (
    <Banner tone="error">
      <p>{error.kind === 'forbidden' ? t('orgs.manage.notMember') : error.kind === 'unavailable' ? t('errors.unavailable') : t('errors.unexpected')}</p>
    </Banner>
  );
}

function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <Banner tone={notice.tone}>
      <p>{notice.text}</p>
    </Banner>
  );
}

/** An action's failure in words: `invalidState` means something specific per action. */
function useFailure() {
  const { t, i18n } = useTranslation();
  return (error: CombinedError | undefined, invalidState: string): string => {
    const appError = toAppError(error) ?? { kind: 'unexpected' as const };
    const described = describeError(t, i18n.language, appError, [], { invalidState, notFound: t('orgs.error.gone') });
    return [...Object.values(described.fields), ...described.general].join(' ') || t('errors.unexpected');
  };
}

function valuesOf(organisation: Organisation): ProfileValues {
  return {
    kind: organisation.kind as OrganisationKind,
    name: organisation.name,
    municipality: organisation.municipality.code,
    website: organisation.website ?? '',
    descriptionSl: organisation.description.sl ?? '',
    descriptionEn: organisation.description.en ?? '',
  };
}

function ProfileSection({ organisation, places, refetch }: { organisation: Organisation; places: Data['referenceData']['municipalities']; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<ProfileValues>(() => valuesOf(organisation));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<Notice>(null);
  const upload = useUploadState();
  const [updated, update] = useMutation(UpdateOrganisationMutation);
  const [removed, removeLogo] = useMutation(RemoveLogoMutation);
  const busy = updated.fetching || upload.progress !== null;

  const submit = async () => {
    if (busy) return;
    setNotice(null);
    const problems = checkProfile(values, upload.file);
    if (problems.length > 0) {
      setErrors(profileErrors(t, problems));
      return;
    }
    const result = await update({ id: organisation.id, input: profileInput(values) });
    if (result.error) {
      setErrors(describeProfileError(t, i18n.language, toAppError(result.error) ?? { kind: 'unexpected' }));
      return;
    }
    if (upload.file) {
      upload.setProgress(0);
      const uploaded = await uploadLogo(organisation.id, upload.file, upload.setProgress);
      upload.setProgress(null);
      if (!uploaded.ok) {
        setErrors(uploaded.error.kind === 'input' ? profileErrors(t, ['file']) : describeProfileError(t, i18n.language, uploaded.error));
        return;
      }
      upload.setFile(null);
      refetch();
    }
    setErrors(NO_ERRORS);
    setNotice({ tone: 'success', text: t('orgs.manage.saved') });
  };

  return (
    <section aria-labelledby="profile-title" className={styles.section}>
      <h2 id="profile-title">{t('orgs.manage.profileTitle')}</h2>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ProfileFields values={values} onChange={setValues} places={places} errors={errors} />
        <LogoField file={upload.file} onFile={upload.setFile} progress={upload.progress} error={errors.fields.file} current={organisation.logo}>
          {organisation.logo && !upload.file ? (
            <Button
              variant="secondary"
              isPending={removed.fetching}
              onPress={() => {
                setNotice(null);
                void removeLogo({ id: organisation.id }).then((r) => {
                  setNotice(r.error ? { tone: 'error', text: describeError(t, i18n.language, toAppError(r.error) ?? { kind: 'unexpected' }, []).general.join(' ') } : { tone: 'success', text: t('orgs.manage.logoRemoved') });
                });
              }}
            >
              {t('orgs.field.removeLogo')}
            </Button>
          ) : null}
        </LogoField>
        <div className={styles.actions}>
          <Button type="submit" isPending={busy}>
            {t('orgs.manage.save')}
          </Button>
        </div>
        <NoticeLine notice={notice} />
      </Form>
    </section>
  );
}

function MembersSection({ organisationId, members, isOwner, myAccountId, refetch }: {
  organisationId: string;
  members: readonly Member[];
  isOwner: boolean;
  myAccountId: string;
  refetch: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <section aria-labelledby="members-title" className={styles.section}>
      <h2 id="members-title">{t('orgs.members.title', { count: members.length })}</h2>
      <p>{t('orgs.members.lead')}</p>
      <NoticeLine notice={notice} />
      <ul className={styles.rows}>
        {members.map((member) => (
          <li key={member.accountId} className={styles.row}>
            <div>
              <p className={styles.rowTitle}>
                {member.displayName}
                {member.accountId === myAccountId ? ` ${t('orgs.members.you')}` : null}
              </p>
              <p className={styles.small}>
                {t('orgs.members.meta', { email: member.email, since: formatDate(i18n.language, member.since as string) })}
              </p>
            </div>
            {isOwner ? (
              <MemberActions organisationId={organisationId} member={member} onNotice={setNotice} refetch={refetch} />
            ) : (
              <p className={styles.rowRole}>{t(`orgs.role.${member.role}`)}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoleSelect({ id, label, value, onChange }: { id: string; label: string; value: Role; onChange: (role: Role) => void }) {
  const roleLabel = useRoleLabel();
  return (
    <Select selectedKey={value} onSelectionChange={(key: Key | null) => key !== null && onChange(String(key) as Role)} className={styles.roleSelect}>
      <Label className="visually-hidden">{label}</Label>
      <AriaButton id={id} className={`${ui.input} ${styles.selectButton}`}>
        <SelectValue />
        <ChevronIcon />
      </AriaButton>
      <Popover className={styles.popover}>
        <ListBox className={styles.listBox}>
          {ROLES.map((role) => (
            <ListBoxItem key={role} id={role} textValue={roleLabel(role)} className={styles.option}>
              {roleLabel(role)}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

function MemberActions({ organisationId, member, onNotice, refetch }: { organisationId: string; member: Member; onNotice: (notice: Notice) => void; refetch: () => void }) {
  const { t } = useTranslation();
  const failure = useFailure();
  const roleLabel = useRoleLabel();
  const [role, setRole] = useState<Role>(member.role as Role);
  const [changed, change] = useMutation(ChangeRoleMutation);
  const [removed, remove] = useMutation(RemoveMemberMutation);
  const name = member.displayName;
  return (
    <div className={styles.actions}>
      <RoleSelect id={`role-${member.accountId}`} label={t('orgs.members.roleFor', { name })} value={role} onChange={setRole} />
      <Button
        variant="secondary"
        isPending={changed.fetching}
        aria-label={t('orgs.members.changeRoleFor', { name })}
        onPress={() => {
          onNotice(null);
          void change({ organisationId, accountId: member.accountId, role }).then((r) => {
            if (r.error) {
              setRole(member.role as Role);
              onNotice({ tone: 'error', text: failure(r.error, t('orgs.error.lastOwnerRole')) });
            } else {
              onNotice({ tone: 'success', text: t('orgs.members.roleChanged', { name, role: roleLabel(role) }) });
              refetch();
            }
          });
        }}
      >
        {t('orgs.members.changeRole')}
      </Button>
      <Confirm
        trigger={t('orgs.members.remove')}
        triggerLabel={t('orgs.members.removeWho', { name })}
        title={t('orgs.members.removeTitle', { name })}
        body={t('orgs.members.removeBody', { name })}
        confirm={t('orgs.members.removeConfirm')}
        isPending={removed.fetching}
        onConfirm={(close) => {
          onNotice(null);
          void remove({ organisationId, accountId: member.accountId }).then((r) => {
            close();
            if (r.error) onNotice({ tone: 'error', text: failure(r.error, t('orgs.error.lastOwnerRemove')) });
            else {
              onNotice({ tone: 'success', text: t('orgs.members.removed', { name }) });
              refetch();
            }
          });
        }}
      />
    </div>
  );
}

/** A button that asks before it acts (RAC dialog: focus moves in and back by itself). */
function Confirm({ trigger, triggerLabel, title, body, confirm, isPending, onConfirm }: {
  trigger: string;
  triggerLabel: string;
  title: string;
  body: ReactNode;
  confirm: string;
  isPending: boolean;
  onConfirm: (close: () => void) => void;
}) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button variant="secondary" aria-label={triggerLabel}>
        {trigger}
      </Button>
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={styles.modal}>
          <Dialog className={styles.dialog}>
            {({ close }) => (
              <>
                <Heading slot="title" className={styles.dialogTitle}>
                  {title}
                </Heading>
                <p>{body}</p>
                <div className={styles.actions}>
                  <Button isPending={isPending} onPress={() => onConfirm(close)}>
                    {confirm}
                  </Button>
                  <Button variant="secondary" onPress={close}>
                    {t('orgs.cancel')}
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

const INVITE_FIELDS = ['email', 'role'];

function InvitationsSection({ organisationId, invitations, refetch }: { organisationId: string; invitations: readonly Invitation[]; refetch: () => void }) {
  const { t, i18n } = useTranslation();
  const failure = useFailure();
  const roleLabel = useRoleLabel();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [locale, setLocale] = useState<'sl' | 'en'>(i18n.language === 'en' ? 'en' : 'sl');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<Notice>(null);
  const [invited, invite] = useMutation(InviteMemberMutation);

  const submit = async () => {
    if (invited.fetching) return;
    setNotice(null);
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setErrors({ fields: { email: t('orgs.error.inviteEmail') }, general: [] });
      return;
    }
    const result = await invite({ organisationId, email: address, role, locale });
    if (result.error) {
      const appError = toAppError(result.error) ?? { kind: 'unexpected' as const };
      if (appError.kind === 'invalidState') setErrors({ fields: { email: t('orgs.error.duplicateInvite') }, general: [] });
      else if (appError.kind === 'input') setErrors({ fields: { email: t('orgs.error.inviteEmail') }, general: [] });
      else setErrors({ fields: {}, general: describeError(t, i18n.language, appError, INVITE_FIELDS).general });
      return;
    }
    setErrors(NO_ERRORS);
    setEmail('');
    setNotice({ tone: 'success', text: t('orgs.invitations.sent', { email: address }) });
    refetch();
  };

  return (
    <section aria-labelledby="invitations-title" className={styles.section}>
      <h2 id="invitations-title">{t('orgs.invitations.title')}</h2>
      <p>{t('orgs.invitations.lead')}</p>
      <ErrorSummary errors={errors.fields} general={errors.general} />
      <Form
        validationBehavior="aria"
        validationErrors={errors.fields}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField name="email" type="email" label={t('orgs.invitations.email')} value={email} onChange={setEmail} autoComplete="off" />
        <RadioGroup name="role" value={role} onChange={(value) => setRole(value as Role)} className={`${ui.field} ${styles.group}`}>
          <Label className={ui.label}>{t('orgs.invitations.role')}</Label>
          {ROLES.map((r, index) => (
            <Radio key={r} value={r} id={index === 0 ? 'field-role' : undefined} className={`${choice.choice} ${styles.radio}`}>
              <span>
                <strong>{roleLabel(r)}</strong> – {t(`orgs.roleHint.${r}`)}
              </span>
            </Radio>
          ))}
        </RadioGroup>
        <RadioGroup name="locale" value={locale} onChange={(value) => setLocale(value === 'en' ? 'en' : 'sl')} className={`${ui.field} ${styles.group}`}>
          <Label className={ui.label}>{t('orgs.invitations.language')}</Label>
          <div className={styles.kinds}>
            <Radio value="sl" className={`${choice.choice} ${styles.radio}`}>
              {t('layout.languageName.sl')}
            </Radio>
            <Radio value="en" className={`${choice.choice} ${styles.radio}`}>
              {t('layout.languageName.en')}
            </Radio>
          </div>
        </RadioGroup>
        <div className={styles.actions}>
          <Button type="submit" isPending={invited.fetching}>
            {t('orgs.invitations.send')}
          </Button>
        </div>
      </Form>
      <NoticeLine notice={notice} />
      <h3>{t('orgs.invitations.open', { count: invitations.length })}</h3>
      {invitations.length === 0 ? (
        <EmptyState>
          <p>{t('orgs.invitations.empty')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.rows}>
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} onNotice={setNotice} failure={failure} refetch={refetch} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationRow({ invitation, onNotice, failure, refetch }: {
  invitation: Invitation;
  onNotice: (notice: Notice) => void;
  failure: (error: CombinedError | undefined, invalidState: string) => string;
  refetch: () => void;
}) {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const [resent, resend] = useMutation(ResendInvitationMutation);
  const [revoked, revoke] = useMutation(RevokeInvitationMutation);
  const email = invitation.email;
  return (
    <li className={styles.row}>
      <div>
        <p className={styles.rowTitle}>{email}</p>
        <p className={styles.small}>
          {t('orgs.invitations.meta', { role: roleLabel(invitation.role ?? 'REVIEWER'), date: formatDate(i18n.language, invitation.expiresAt as string) })}
        </p>
      </div>
      <div className={styles.actions}>
        <Button
          variant="secondary"
          isPending={resent.fetching}
          aria-label={t('orgs.invitations.resendTo', { email })}
          onPress={() => {
            onNotice(null);
            void resend({ id: invitation.id }).then((r) => {
              onNotice(r.error ? { tone: 'error', text: failure(r.error, t('orgs.error.notOpen')) } : { tone: 'success', text: t('orgs.invitations.resent', { email }) });
              if (!r.error) refetch();
            });
          }}
        >
          {t('orgs.invitations.resend')}
        </Button>
        <Button
          variant="secondary"
          isPending={revoked.fetching}
          aria-label={t('orgs.invitations.revokeFor', { email })}
          onPress={() => {
            onNotice(null);
            void revoke({ id: invitation.id }).then((r) => {
              onNotice(r.error ? { tone: 'error', text: failure(r.error, t('orgs.error.notOpen')) } : { tone: 'success', text: t('orgs.invitations.revoked', { email }) });
              if (!r.error) refetch();
            });
          }}
        >
          {t('orgs.invitations.revoke')}
        </Button>
      </div>
    </li>
  );
}
