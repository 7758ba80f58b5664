import { LATEST_VERSION } from '../../db/schema';
import type { HandlersFor } from './deps';

export function pingHandlers(): HandlersFor<'ping'> {
  return { ping: () => ({ pong: true, dbVersion: LATEST_VERSION }) };
}
