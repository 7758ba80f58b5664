import { DEFAULT_SETTINGS, Settings } from '../settings';
import type { QuotewiseDB } from './db';

const KEY = 'settings';

/** Stored settings, re-validated on read: a bad stored value falls back to defaults, never crashes. */
export async function loadSettings(db: QuotewiseDB): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const parsed = Settings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: QuotewiseDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = Settings.parse({ ...(await loadSettings(db)), ...patch });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
