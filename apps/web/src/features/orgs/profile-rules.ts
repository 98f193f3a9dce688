import type { FormErrors } from '../account/describe-error.js';

/** Logos the API takes (recognised there by content; checked here by type and size first). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export const ORGANISATION_KINDS = [
  'COMPANY', 'MUNICIPALITY', 'MUSEUM', 'SCHOOL', 'FACULTY', 'CREATIVE_CENTRE', 'DEVELOPMENT_AGENCY', 'TOURIST_ORGANISATION', 'CHAMBER', 'NGO', 'OTHER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ROLES = ['OWNER', 'EDITOR', 'REVIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** The profile form's fields, in page order (the error summary lists them so). */
export const PROFILE_FIELDS = ['kind', 'name', 'municipality', 'website', 'descriptionSl', 'descriptionEn', 'file'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileValues {
  kind: OrganisationKind | null;
  name: string;
  municipality: string | null;
  website: string;
  descriptionSl: string;
  descriptionEn: string;
}

const NAME_MAX = 200;
const DESCRIPTION_MAX = 5000;

/** The same checks the API makes, so most mistakes are named before anything is sent. */
export function checkProfile(values: ProfileValues, file: File | null): ProfileField[] {
  const problems: ProfileField[] = [];
  if (!values.kind) problems.push('kind');
  if (!values.name.trim() || values.name.trim().length > NAME_MAX) problems.push('name');
  if (!values.municipality) problems.push('municipality');
  const website = values.website.trim();
  if (website && (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website) || website.length > 500)) problems.push('website');
  if (values.descriptionSl.length > DESCRIPTION_MAX) problems.push('descriptionSl');
  if (values.descriptionEn.length > DESCRIPTION_MAX) problems.push('descriptionEn');
  if (file && (!LOGO_TYPES.includes(file.type) || file.size > MAX_LOGO_BYTES)) problems.push('file');
  return problems;
}

/** The profile as the API wants it. */
export function profileInput(values: ProfileValues) {
  return {
    kind: values.kind ?? 'OTHER',
    name: values.name.trim(),
    municipality: values.municipality ?? '',
    website: values.website.trim() || null,
    description: { sl: values.descriptionSl.trim() || null, en: values.descriptionEn.trim() || null },
  };
}

