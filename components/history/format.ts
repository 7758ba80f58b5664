import type { Band } from '@/lib/health';
import { formatDay } from '@/lib/history/describe';
import { money, percent } from '@/lib/scoring/format';

/** Display helpers shared by the history page's components. */
export const bandClass = (band: Band) => `band band-${band.replaceAll(' ', '-')}`;
export const showMoney = (minor: number, currency: string) => money(minor, currency);
export const showRate = (rate: number | null) => (rate === null ? '—' : percent(rate));
export const showDay = (at: number | null) => (at === null ? '—' : formatDay(at));
export const showDaysLate = (days: number) => (days === 0 ? 'on time' : `${days} d`);

