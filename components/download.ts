import { isoDay } from '@/lib/format';

/** Offer text as a file the rep downloads (no network: a local object URL). */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date for a file name, in its machine form: 2026-11-23. */
export function today(): string {
  return isoDay(Date.now());
}
