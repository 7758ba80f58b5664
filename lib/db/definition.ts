import { DEFAULT_DEFINITION, Definition } from '../scoring/definition';
import type { QuotewiseDB } from './db';

/** The settings row the definition is kept in (the backup checks it before a restore). */
export const DEFINITION_KEY = 'definition';

/** The team's current ideal-account definition; a bad stored value falls back to the defaults. */
export async function loadDefinition(db: QuotewiseDB): Promise<Definition> {
  return definitionOf(await db.settings.get(DEFINITION_KEY));
}

/** The definition in its settings row, read by whichever path (getSummaries reads it in raw IndexedDB). */
export function definitionOf(row: { value?: unknown } | undefined): Definition {
  const parsed = Definition.safeParse(row?.value ?? DEFAULT_DEFINITION);
  return parsed.success ? parsed.data : DEFAULT_DEFINITION;
}

/**
 * Save a definition as the next version. Every saved change gets a new version
 * number, even an import of an older file, so scores always name what produced them.
 */
export async function saveDefinition(db: QuotewiseDB, input: unknown, now: number): Promise<Definition> {
  return db.transaction('rw', db.settings, async () => {
    const current = await loadDefinition(db);
    const next = Definition.parse({ ...(input as object), version: current.version + 1, updatedAt: now });
    await db.settings.put({ key: DEFINITION_KEY, value: next });
    return next;
  });
}
