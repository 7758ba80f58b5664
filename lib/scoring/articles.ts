/**
 * The five articles the rules come from (shared/seeds), by the code a rule cites in
 * its `source` ("000 Sales; 002 #1"). A rep reads the title, never the code.
 */
const ARTICLE_TITLES: Record<string, string> = {
  '000': 'When does it make sense to give up on a B2B customer?',
  '001': 'When is it time to fire a customer?',
  '002': 'Firing your customer? 2 customer relationships sales should ditch',
  '003': 'The wrong customers and the right ones (The CEO Magazine)',
  '004': 'Building B2B customer loyalty: make sure the squeaky-wheel accounts don’t get all the oil',
};

/** The titles of the articles a rule's source cites, each once, in the order cited. */
export function articleTitles(source: string): string[] {
  const codes = source.match(/\b\d{3}\b/g) ?? [];
  return [...new Set(codes)].flatMap((code) => (ARTICLE_TITLES[code] ? [ARTICLE_TITLES[code]!] : []));
}
