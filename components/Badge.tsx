export interface BadgeProps {
  accountName: string | null;
  query: string;
}

export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-left: 4px; }
button { font: 600 11px/16px system-ui, sans-serif; border: 1px solid #8a8f98; border-radius: 8px;
  padding: 0 6px; background: #f3f4f6; color: #1f2937; cursor: pointer; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { button { background: #1f2937; color: #f3f4f6; border-color: #6b7280; } }
`;

/** The health badge. Its accessible name says everything it shows. */
export function Badge({ accountName, query }: BadgeProps) {
  const label = accountName ? `Quotewise: ${accountName}` : `Quotewise: ${query}, not in Quotewise yet`;
  return (
    <button type="button" aria-label={label} title={label}>
      {accountName ? 'QW' : '+'}
    </button>
  );
}
