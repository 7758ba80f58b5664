import { useMemo, useState } from 'preact/hooks';
import type { FromCard, ShowCard } from '@/lib/card/channel';
import { offerFor, type SuggestionOffer } from '@/lib/suggest/offer';
import type { UI_FORMS } from '@/lib/messaging/ui';
import type { WarningName } from '@/lib/primitives';
import { BadgeCard, CARD_CSS } from './BadgeCard';
import { THEME } from './Badge';
import { SUGGESTION_CSS } from './EmailSuggestion';
import { useFormats } from './formats';

/** What the card does: its writes go to the background from the card page (an extension page), never through the web page's content script. */
export interface CardActions {
  /** Tell the badge (lib/card/channel.ts). */
  tell(message: FromCard): void;
  open(page: 'popup' | 'history', accountId: string, form?: (typeof UI_FORMS)[number], offer?: SuggestionOffer): Promise<void>;
  createAccount(input: { name: string; domains: string[]; contactEmail?: string }): Promise<{ id: string; name: string }>;
  dismissWarning(input: { accountId: string; warning: WarningName; reason: string; snoozeDays?: 30 | 90 }): Promise<void>;
  claimOwn(email: string): Promise<void>;
  hasEvent(accountId: string, id: string): Promise<boolean>;
}

const PAGE_CSS = `html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }`;

/** The card page's view: the badge's card, filling the frame, wired to the background and to its badge. */
export function CardPage({ show, actions }: { show: ShowCard; actions: CardActions }) {
  const { state, dark, email, dismissed } = show;
  const f = useFormats();
  // What the open email asks for, worked out here: the web page never sees it.
  const found = useMemo(() => (email ? offerFor(email, f, Date.now()) : null), [email?.id, email?.text]);
  const offer = found && !dismissed.includes(found.id) ? found : null;
  const [status, setStatus] = useState<string>();
  const failed = (fallback: string) => (error: unknown) => setStatus(error instanceof Error ? error.message : fallback);
  const close = () => actions.tell({ type: 'close' });
  return (
    <div style={`${dark ? THEME.dark : THEME.light} color-scheme: ${dark ? 'dark' : 'light'};`}>
      <style>{PAGE_CSS + CARD_CSS + SUGGESTION_CSS}</style>
      <BadgeCard
        state={state}
        status={status}
        offer={offer}
        onClose={close}
        onOpen={(page, form) => {
          if (state.kind !== 'account') return;
          actions.open(page, state.accountId, form).then(close, () => setStatus('Could not open Quotewise. Reload the page and try again.'));
        }}
        onDismiss={(warning, reason, snoozeDays) => {
          if (state.kind !== 'account') return;
          setStatus('Saving…');
          actions
            .dismissWarning({ accountId: state.accountId, warning, reason, ...(snoozeDays ? { snoozeDays } : {}) })
            .then(() => setStatus(snoozeDays ? `${warning} snoozed for ${snoozeDays} days.` : `${warning} dismissed.`), failed('Could not save. Reload the page and try again.'));
        }}
        onClaimOwn={(email) => {
          setStatus('Saving…');
          actions.claimOwn(email).then(() => {
            setStatus(undefined);
            actions.tell({ type: 'ownClaimed' });
          }, failed('Could not save. Reload the page and try again.'));
        }}
        onNotOwn={() => actions.tell({ type: 'notOwn' })}
        onCreate={(name) => {
          if (state.kind !== 'unknown') return;
          setStatus('Creating the account…');
          actions.createAccount({ ...state.create, name }).then((account) => setStatus(`Created ${account.name}.`), failed('Could not create the account.'));
        }}
        suggestionActions={{
          hasEvent: actions.hasEvent,
          dismiss: (id) => actions.tell({ type: 'dismissOffer', id }),
          log: async (chosen) => {
            let accountId = state.kind === 'account' ? state.accountId : null;
            if (!accountId) {
              if (state.kind !== 'unknown') return;
              accountId = (await actions.createAccount(state.create)).id;
            }
            await actions.open('popup', accountId, chosen.kind, chosen);
            close();
          },
        }}
      />
    </div>
  );
}
