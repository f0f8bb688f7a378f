import { z } from 'zod';

/** A logo as the settings store it: a small PNG, JPEG or WebP image inlined as a data URL. */
const LOGO = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
/** About 300 KB of image: enough for a sharp letterhead logo, small enough to travel with settings. */
export const MAX_LOGO_CHARS = 400_000;

/**
 * Who the lender is, as every document prints it: receipts, letters, agreements, dossiers and
 * reports carry the letterhead, and letters are signed by the contact. First-run set-up asks for
 * it; Settings → Company changes it.
 */
export const companyProfileShape = {
  companyName: z.string().trim().max(120),
  companyAddress: z.string().trim().max(200),
  companyPhone: z.string().trim().max(40),
  /** The lending licence or business registration number printed under the name. */
  companyLicence: z.string().trim().max(60),
  companyLogo: z
    .string()
    .max(MAX_LOGO_CHARS, 'must be an image under 300 KB')
    .refine((v) => v === '' || LOGO.test(v), 'must be a PNG, JPEG or WebP image'),
  /** The person who signs letters and whom borrowers call back. */
  contactName: z.string().trim().max(60),
  contactTitle: z.string().trim().max(60),
  contactPhone: z.string().trim().max(40),
};

export const DEFAULT_COMPANY_PROFILE = {
  companyName: '',
  companyAddress: '',
  companyPhone: '',
  companyLicence: '',
  companyLogo: '',
  contactName: '',
  contactTitle: '',
  contactPhone: '',
};

export type CompanyProfile = typeof DEFAULT_COMPANY_PROFILE;
export const COMPANY_PROFILE_FIELDS = Object.keys(DEFAULT_COMPANY_PROFILE) as (keyof CompanyProfile)[];
