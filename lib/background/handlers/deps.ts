import type { QuotewiseDB } from '../../db/db';
import type { MessageType } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';

export interface BackgroundDeps {
  db: () => QuotewiseDB;
  now: () => number;
}

export type HandlersFor<K extends MessageType> = Pick<Handlers, K>;
