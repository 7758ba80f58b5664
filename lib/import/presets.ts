import { normaliseHeader, QUOTEWISE_COLUMNS, type QuotewiseColumn } from './format';
import type { SlashDateOrder } from './values';

/**
 * Column mapping: which column of the file feeds which field. Two shapes:
 *  - `events`: one row is one event, in the Quotewise events CSV's fields;
 *  - `deals`: one row is one CRM deal / opportunity, which becomes a quote, and
 *    when the deal is closed, its outcome (and an order when it was won).
 * Presets auto-map the Quotewise format and common CRM exports (README lists each).
 */
export const DEAL_FIELDS = ['account', 'domain', 'contact_email', 'deal_ref', 'stage', 'amount', 'currency', 'opened', 'closed', 'competitor', 'notes'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

export type Mapping =
  | { shape: 'events'; columns: Partial<Record<QuotewiseColumn, number>>; slashOrder: SlashDateOrder }
  | { shape: 'deals'; columns: Partial<Record<DealField, number>>; slashOrder: SlashDateOrder };

export const PRESET_IDS = ['quotewise', 'hubspot', 'salesforce', 'pipeline'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

interface Preset<F extends string> {
  id: PresetId;
  label: string;
  shape: 'events' | 'deals';
  /** Normalised header names that feed each field, preferred first. */
  headers: Partial<Record<F, readonly string[]>>;
  /** The preset applies only when all of these headers are present. */
  signature: readonly string[];
  slashOrder: SlashDateOrder;
}

const QUOTEWISE: Preset<QuotewiseColumn> = {
  id: 'quotewise',
  label: 'Quotewise events CSV',
  shape: 'events',
  headers: Object.fromEntries(QUOTEWISE_COLUMNS.map((column) => [column, [column]])),
  signature: ['date', 'type'],
  slashOrder: 'mdy',
};

const HUBSPOT: Preset<DealField> = {
  id: 'hubspot',
  label: 'HubSpot deals export',
  shape: 'deals',
  headers: {
    account: ['associated_company', 'associated_company_(primary)', 'company_name', 'company'],
    domain: ['company_domain_name', 'associated_company_domain', 'website_url'],
    contact_email: ['associated_contact_email', 'contact_email', 'email'],
    deal_ref: ['deal_name', 'record_id'],
    stage: ['deal_stage'],
    amount: ['amount', 'amount_in_company_currency'],
    currency: ['currency', 'deal_currency_code'],
    opened: ['create_date'],
    closed: ['close_date'],
    competitor: ['competitor'],
    notes: ['deal_description', 'description'],
  },
  signature: ['deal_name', 'deal_stage'],
  slashOrder: 'mdy',
};

const SALESFORCE: Preset<DealField> = {
  id: 'salesforce',
  label: 'Salesforce opportunity report',
  shape: 'deals',
  headers: {
    account: ['account_name'],
    domain: ['website', 'account_website'],
    contact_email: ['contact_email', 'primary_contact_email', 'email'],
    deal_ref: ['opportunity_name', 'opportunity_id'],
    stage: ['stage'],
    amount: ['amount', 'total_price'],
    currency: ['opportunity_currency', 'amount_currency', 'currency'],
    opened: ['created_date', 'created_on'],
    closed: ['close_date'],
    competitor: ['main_competitor(s)', 'main_competitors', 'competitor'],
    notes: ['description', 'next_step'],
  },
  signature: ['opportunity_name', 'stage'],
  slashOrder: 'mdy',
};

const PIPELINE: Preset<DealField> = {
  id: 'pipeline',
  label: 'Sales pipeline file (deal_stage, close_value, engage_date, close_date)',
  shape: 'deals',
  headers: {
    account: ['account'],
    domain: ['domain', 'website'],
    contact_email: ['contact_email'],
    deal_ref: ['opportunity_id', 'deal_id'],
    stage: ['deal_stage'],
    amount: ['close_value'],
    currency: ['currency'],
    opened: ['engage_date'],
    closed: ['close_date'],
    notes: ['product'],
  },
  signature: ['deal_stage', 'close_value', 'engage_date', 'close_date'],
  slashOrder: 'mdy',
};

/** Most specific first: the first preset whose signature headers are all present wins. */
const PRESETS: readonly Preset<string>[] = [QUOTEWISE, PIPELINE, HUBSPOT, SALESFORCE];

export function presetLabel(id: PresetId | null): string {
  return PRESETS.find((preset) => preset.id === id)?.label ?? 'Unrecognised file: map the columns yourself';
}

export interface Detected {
  preset: PresetId | null;
  mapping: Mapping;
}

/** Pick the preset the headers fit and map every column it knows. Unrecognised files get the Quotewise fields, mapped by name where possible. */
export function detectMapping(headers: readonly string[]): Detected {
  const names = headers.map(normaliseHeader);
  const preset = PRESETS.find((candidate) => candidate.signature.every((header) => names.includes(header)));
  return { preset: preset?.id ?? null, mapping: applyPreset(preset ?? QUOTEWISE, names) };
}

/** The mapping a preset gives for these headers (used when the rep picks a preset by hand too). */
export function mappingFor(id: PresetId, headers: readonly string[]): Mapping {
  return applyPreset(PRESETS.find((preset) => preset.id === id)!, headers.map(normaliseHeader));
}

function applyPreset(preset: Preset<string>, names: readonly string[]): Mapping {
  const columns: Record<string, number> = {};
  for (const [field, candidates] of Object.entries(preset.headers)) {
    const index = (candidates ?? []).map((name) => names.indexOf(name)).find((i) => i >= 0);
    if (index !== undefined) columns[field] = index;
  }
  return { shape: preset.shape, columns, slashOrder: preset.slashOrder } as Mapping;
}

/** Columns of the file that no field reads: reported to the rep, then ignored. */
export function unmappedColumns(headers: readonly string[], mapping: Mapping): string[] {
  const used = new Set(Object.values(mapping.columns));
  return headers.flatMap((header, index) => (used.has(index) || !header.trim() ? [] : [header.trim()]));
}
