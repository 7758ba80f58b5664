import type { HealthSummary } from '../health';
import { request } from '../messaging/client';
import type { AccountRef } from '../messaging/lookup';
import { PopupData } from '../messaging/popup';
import { readReply } from '../messaging/transport';
import { type PopupParams, requestPopupData } from './start';

export type { PopupData, Resolution } from '../messaging/popup';
export type { PopupParams } from './start';
/** The account the popup logs for. */
export type AccountChoice = AccountRef;

/** The first render's data, from a `popup.open` request already under way (see start.ts), validated. */
export async function readPopupData(pending: Promise<unknown>): Promise<PopupData> {
  return readReply('popup.open', await pending, PopupData);
}

export function loadPopupData(params: PopupParams): Promise<PopupData> {
  return readPopupData(requestPopupData(params));
}

export async function summaryOf(accountId: string): Promise<HealthSummary | null> {
  const { summaries } = await request('health.ofAccounts', { accountIds: [accountId] });
  return summaries[0] ?? null;
}
