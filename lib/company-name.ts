/**
 * A domain's label as a company's starting name: "acme-industrial" -> "Acme Industrial".
 * Free of the public-suffix list, so the content script can use it too.
 */
export function nameFromLabel(label: string): string {
  return label
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
