import { findDate, isMonthName } from './dates';
import { type FoundMoney, type Money, findMoney } from './money';

/**
 * What the customer's open message asks for, read on the rep's machine: a quote request,
 * a price-match request, an order, a payment promise, or nothing to log. Plain rules, no
 * model: each kind has phrases in English, German, French, Dutch and Spanish, weighted;
 * the strongest kind wins if it clears a threshold, and "nothing" wins otherwise (a wrong
 * chip costs the rep's trust, a missed one costs a click). Newsletters and market reports
 * (an unsubscribe line, "market report"), and the rep's own invoices, are vetoed.
 *
 * Only the newest part of the message is read: `newestText` cuts quoted history,
 * forwarded messages, the signature and legal footers. The message text is never kept:
 * the answer holds only the fields the event needs.
 */

export type SuggestionKind = 'quote' | 'price_match' | 'order' | 'payment';

export interface Suggestion {
  kind: SuggestionKind;
  /** The amount the event is about: the order's or payment's total, the quote's target. */
  amount?: Money;
  competitor?: string;
  competitorPrice?: Money;
  /** The quote, PO or invoice reference the message names. */
  reference?: string;
  quantity?: number;
  /** A promised payment date, `YYYY-MM-DD`. */
  payBy?: string;
}

type Rule = [RegExp, number];

/*
 * Vocabulary, composed into rules (written without accents: rules and text are folded, see `fold`): what asking sounds like, and what is asked about, in English,
 * German, French, Dutch and Spanish. A rule built with `near` needs both in one sentence, a
 * few words apart: "could you … a price", "bitte … Angebot", "kunnen jullie … prijs".
 */
// The gap stays in the sentence: no end of sentence, though a point inside a number (`1.280 €`) is not one.
const near = (a: string, b: string, gap = 50) => new RegExp(String.raw`\b(?:${a})\b(?:[^.?!\n]|\.\d){0,${gap}}\b(?:${b})\b`, 'i');
/** Asking the rep for something. */
const ASK = String.raw`(?:could|can|would|will|may) (?:you|u|i|we)|are you able|any chance|please|pls|kindly|need|needs|require|want|(?:'d|would) (?:like|love|appreciate)|looking (?:for|to get)|interested in|request\w*|send (?:me|us)|let (?:me|us) (?:know|have)|konn\w* (?:sie|ihr|du)|wurden sie|bitte\w*|benotig\w*|brauch\w*|hatten gerne?|mochten|lassen sie|erbitten|pourr\w*[- ](?:vous|tu)|pouv\w*[- ](?:vous|tu)|peux[- ]tu|merci de|souhait\w*|besoin|voudrions|aimerions|auriez[- ]vous|kunt u|kunnen (?:jullie|u|we)|kun je|zou(?:den)? (?:u|jullie|je)|wilt u|graag|nodig|podr\w*|pueden?|podeis|necesit\w*|quisier\w*|gustaria|envi(?:e|en|arnos|adnos)|solicit\w*|pedir\w*|possible`;
/** What a quote request asks for. */
const PRICE_WORD = String.raw`quot(?:e|es|ation|ing)|pric(?:e|es|ing)|costs?|costing|estimate|offer|proposal|bid|numbers|figures?|rates?|angebot\w*|preis\w*|kostenvoranschlag|kosten|devis|prix|tarifs?|cotation|chiffr\w*|offre|offerte|prijs\w*|presupuesto|precios?|cotizaci\w*|oferta|tarifas?`;
/** Asking what something costs. */
const COST_QUESTION = String.raw`\b(?:how much|what (?:would|will|does|do|did|is|'s)(?: \w+){0,3} (?:cost|come to|run|charge)|unit cost|was (?:kostet|kosten|wurde)|wie ?viel|combien|quel (?:serait|est|sera) (?:le |votre )?(?:prix|tarif)|wat kost\w*|hoeveel|cuanto|que precio)\b`;
/** Another supplier, or their offer. */
const RIVAL = String.raw`competitor\w*|competition|(?:other|another|alternative|different) (?:suppliers?|vendors?|offers?|bids?|quotes?|sources?)|others|elsewhere|(?:lower|cheaper|better) (?:bid|offer|quote)|konkurren\w*|wettbewerb\w*|mitbewerb\w*|andere[nrs]? (?:anbieter|lieferant)\w*|concurren\w*|autres? fournisseurs?|andere leverancier\w*|competencia|competidor\w*|otros? proveedor\w*|otra oferta`;
/** A lower price, or yours being too high. */
const LOWER = String.raw`lower|cheaper|undercut\w*|(?:higher|more expensive) than|mas economico|less than|below|under (?:yours|you|your)|too (?:high|expensive|much)|deeper discount|better (?:price|deal|offer|number|rate)|inferieur\w*|moins cher\w*|plus bas|gunstiger|billiger|niedriger\w*|zu teuer|goedkoper|lager|te duur|mas barat\w*|mas bajo|mejor precio|inferior|demasiado caro|por debajo`;
/** Asking the rep to match or move. */
const MOVE = String.raw`match\w*|beat|go lower|sharpen|get there|keener|unterbieten|nachziehen|baisser (?:votre|le) prix|bajar (?:su|el) precio|verlagen|(?:meet|align with) (?:that|this|it|them|their|the price|that price)|do (?:the same|better|anything|something|more)|what can you do|anything you can do|(?:reconsider|revisit|review|sharpen|reduce|lower|improve) (?:your|the) (?:price|pricing|quote|offer|number|pencil)|come down|room to move|get closer|come closer|faire mieux|faire un (?:geste|effort)|(?:vous )?aligner|revoir (?:votre|le) prix|mitgehen|mitziehen|nachbessern|entgegenkommen|etwas moglich|spielraum|nachlass|anpassen|iets (?:met de prijs )?doen|evenaren|zakken|daaronder|scherper|igualar\w*|mejorar\w*|rebajar|ajustar`;
/** An amount of money, at its start (lib/suggest/money.ts reads it exactly). */
const AMOUNT = String.raw`(?:[$€£]\s?\d|(?:usd|eur|gbp|chf|sek)\s?\d|\d[\d.,' ]*\s?(?:[$€£]|eur\b|euros?\b|usd\b|gbp\b))`;
/** A competitor's offer with its amount: "Initech is asking $5,400", "Krause hat 14.500 € angeboten". */
const OFFERED = String.raw`(?:hat|haben|heeft|hebben) (?:uns|ons)|quoted|offered|offering|offers|asking|asks|charg\w*|put in|came (?:back|in)|is at|are at|biete[nt]?|propos\w*|fait|biedt|bieden|zit(?:ten)? op|ofrec\w*|pasado`;
const OFFERED_AFTER = String.raw`angeboten|geboten|aangeboden|ofrecido|propose`;
/** A bid already lost is not a request to match it. */
const LOST = /\b(?:decided|chosen|chose|opted|going|gone|went) (?:to go )?(?:with|for) (?:another|a different|the other|a cheaper)|\bawarded (?:it|the \w+) to\b|\bplaced (?:the|our|this) order (?:with|elsewhere)|fur einen anderen (?:anbieter|lieferant)|\bchoisi un autre|\bgekozen voor\b|\bhemos (?:elegido|optado)\b/i;
/** An order, by name. */
const ORDER_WORD = String.raw`orders?|po|purchase order|order form|bestellung|auftrag|commande|bestelling|inkooporder|opdracht|pedido|orden de compra|compra`;
const DETERMINER = String.raw`(?:(?:the|our|this|an?|den|die|unsere?n?|la|le|notre|cette|de|onze|deze|el|la|nuestr[oa]|est[ea]|su) )?(?:\w+ )?`;
/** Money moving, and the words for it. */
const MONEY_MOVES = String.raw`payments?|transfers?|wires?|remittance|money|funds|zahlung|uberweisung|paiement|virement|reglement|betaling|overboeking|pago|transferencia|abono`;
const MOVED = String.raw`scheduled|sent|made|released|initiated|processed|arranged|executed|booked|goes out|go out|gone out|going out|on (?:its|the) way|(?:will|shall) be (?:made|sent|released|processed|executed|paid)|veranlasst|angewiesen|erfolgt|geplant|ausgefuhrt|unterwegs|freigegeben|effectuee?|programmee?|prevue?|envoyee?|partira|parti|lancee?|ingepland|gedaan|verstuurd|verwerkt|uitgevoerd|gepland|onderweg|programad[oa]|realizad[oa]|enviad[oa]|efectuad[oa]|procesad[oa]|hech[oa]`;
const INVOICE = String.raw`invoices?|inv|bills?|rechnung\w*|factures?|factuur|facturas?`;
const PAID = String.raw`paid|settled?|pay|wired|transferred|remitted|uberwiesen|uberweisen|angewiesen|bezahlt|bezahlen|begleichen|beglichen|reglee?s?|payee?s?|regler|payer|betaald|betalen|voldaan|voldoen|overgemaakt|overmaken|pagad[oa]s?|pagar\w*|pagaremos|transferid[oa]|transferiremos|abonad[oa]`;
const WE = String.raw`wir|we|wij|nous|hemos|ya`;

const QUOTE: Rule[] = [
  [near(ASK, PRICE_WORD, 60), 3],
  [new RegExp(COST_QUESTION, 'i'), 3],
  [/\bRFQ\b/, 3],
  [/\b(preisanfrage|angebotsanfrage|offerteaanvraag|prijsaanvraag|demande de (devis|prix|cotation)|solicitud de (presupuesto|cotización)|price (it |this |them )?(up|out))\b/i, 3],
  [/\bwhat(\s(would|will|is)|'s|’s) (the |your )?(price|cost|pricing)\b/i, 3],
];

const PRICE_MATCH: Rule[] = [
  [new RegExp(String.raw`\b(?:${RIVAL})\b`, 'i'), 2],
  [new RegExp(String.raw`\b(?:${LOWER})\b`, 'i'), 2],
  [new RegExp(String.raw`\b(?:${MOVE})\b`, 'i'), 2],
  [new RegExp(String.raw`\b(?:${OFFERED})\b(?: (?:us|uns|nous|ons|nos))?[^.?!\n]{0,40}${AMOUNT}|${AMOUNT}[^.?!\n]{0,40}\b(?:${OFFERED_AFTER})`, 'i'), 2],
  [/\b(will|can|would) do it for\s?([$€£]|\b(USD|EUR|GBP) ?)\d/i, 2],
  [/\b(match|beat|meet|align with)\b[^.?!\n]{0,30}\b(that|this|their|it|the price|price|offer|quote|them)\b/i, 3],
  [/\b(can|could|would) you (match|beat|meet)\b/i, 3],
];

const ORDER: Rule[] = [
  [near(String.raw`attached|enclosed|please (?:find|see)|here(?:'s| is)|herewith|anbei|beigefugt|hiermit|ci-jointe?|en piece jointe|veuillez trouver|bijgevoegd|in de bijlage|hierbij|adjunt\w*|(?:les|os|le|te) (?:enviamos|mandamos)`, ORDER_WORD, 30), 4],
  [near(ORDER_WORD, String.raw`attached|enclosed|ci-jointe?|bijgevoegd|adjunt[oa]`, 30), 4],
  [new RegExp(String.raw`\b(?:confirm\w*|bestatig\w*|bevestig\w*|valid\w*|lock in|place|plaatsen|passons|passer|book|buchen|hacer|realizar|cursar|lanzar) ${DETERMINER}(?:${ORDER_WORD})\b`, 'i'), 4],
  [near(String.raw`erteil\w*|vergeben|we (?:place|are placing)|plaatsen`, String.raw`auftrag|order|bestelling`, 25), 4],
  [/\b((quote|quotation|offer|proposal|pricing|angebot|devis|offre|offerte|cotizaci\w*|presupuesto|oferta) (is |has been |was )?(approved|accepted)|(we|i) (accept|approve)|akkoord|einverstanden|accord pour|d'accord avec|aceptamos|de acuerdo con (su|vuestr)|(we|i)('ll| will) take (the|them|it|all|those|these|\d)|good to go|green light)\b/i, 3],
  [/\b(please (ship|deliver|dispatch|book (it|them|the order))|go ahead and (ship|order|deliver|book)|(start|launch|lancer|starten) (la |the |die )?(fabrication|production|produktion|fertigung)|inplannen|bitte liefern|merci de (livrer|lancer|expedier))\b/i, 3],
  [/\b(consider|treat) this( email| message| mail)? (as )?(our|an|a) (purchase )?order\b/i, 4],
  [/\b(would like to|we'd like to|want to|wish to|happy to|ready to|we will|we'll|let's) (proceed|go ahead)\b/i, 4],
  [/\bgo ahead with (the |your |those |these )?\d+\b/i, 4],
  [/\b(we'll|we will|we'd like to|let's|we) go (ahead )?with (your|the) (offer|quote|quotation|proposal)\b/i, 4],
  [/\bPO\s?(#|no\.?|number)?\s?:?\s?[A-Z]{0,4}-?\d{3,}/, 3],
  [/\b(we('d| would) like to|we want to|we wish to|we will|we'll) order\b/i, 4],
  [/\b(go ahead|proceed) with (the |your |this )?(order|quote|offer|proposal)\b/i, 3],
  [/\b(inkooporder|bestelling|bestellen|bestelbon|opdracht te geven|commander|pass(ons|er) commande|(hacer|realizar) (el|un) pedido|auftragserteilung|beauftragen)\b/i, 3],
];

const PAYMENT: Rule[] = [
  [near(MONEY_MOVES, MOVED, 40), 4],
  [near(MOVED, MONEY_MOVES, 20), 4],
  [near(INVOICE, PAID, 50), 4],
  [near(PAID, INVOICE, 30), 3],
  [near(WE, PAID, 40), 3],
  [/\b(expect (the )?(money|payment|funds|transfer|wire)|(money|funds|payment) (should|will) (arrive|reach|land|hit))\b/i, 4],
  [/\b(proof of payment|remittance advice|zahlungsbestatigung|zahlungsnachweis|preuve de (paiement|virement)|avis de (paiement|virement)|betaalbewijs|betalingsbewijs|justificante|comprobante de (pago|transferencia))\b/i, 4],
  [/\b(el pago|la transferencia|el abono) se (realizar\w*|har\w*|efectuar\w*|enviar\w*|pagar\w*)\b/i, 4],
  [/([$€£]\s?\d[\d,.]*k?|\b(USD|EUR|GBP)\s?\d[\d,. ]*k?)\s(goes|will go|is going|went) out\b/i, 4],
  [/\b(will|shall) (go out|be (paid|transferred|wired|remitted|settled))\b/i, 4],
  [/\bremittance (advice|details)?\b/i, 3],
];

/** Mail that talks about prices but asks nothing of the rep: newsletters, market reports, the rep's own invoices. */
const VETO = [
  /\b(unsubscribe|newsletter|view (this email )?in (your )?browser|manage (your )?(email )?preferences|market (report|update|outlook|review)|price index|weekly digest|this week in)\b/i,
  /\b(abmelden|abbestellen|se désabonner|se désinscrire|désinscription|afmelden|uitschrijven|darse de baja|cancelar (la )?suscripción)\b/i,
  /\b(please find (attached )?our invoice|our invoice (no\.?|number|#)|invoice (no\.?|number|#)\s?\S+ (is|will be) due|amount due|payment terms:|bankverbindung|iban:)\b/i,
];

/**
 * JavaScript's `\b` knows only ASCII letters (`\bÜberweisung` and `effectué\b` never match), and
 * Unicode-aware boundaries cost ten times as much: so both the text and the rules are folded to
 * letters without accents (`Überweisung` → `Uberweisung`), which keeps every index in place.
 */
export const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const compile = (rules: Rule[]): Rule[] => rules.map(([pattern, weight]) => [new RegExp(fold(pattern.source), pattern.flags), weight]);

const RULES: Record<SuggestionKind, Rule[]> = { quote: compile(QUOTE), price_match: compile(PRICE_MATCH), order: compile(ORDER), payment: compile(PAYMENT) };
const LOST_FOLDED = new RegExp(fold(LOST.source), LOST.flags);
const VETOES = VETO.map((pattern) => new RegExp(fold(pattern.source), pattern.flags));
/** Below this score, nothing is suggested. */
const THRESHOLD = 3;
/** On a tie, the more specific ask wins: a price match mentions the quote, an order or a payment the PO. */
const PRIORITY: SuggestionKind[] = ['payment', 'price_match', 'order', 'quote'];

export function score(text: string): Record<SuggestionKind, number> {
  const out = { quote: 0, price_match: 0, order: 0, payment: 0 };
  for (const kind of PRIORITY) for (const [pattern, weight] of RULES[kind]) if (pattern.test(text)) out[kind] += weight;
  return out;
}

/**
 * How much of the newest text is read: a customer's ask is in its first lines, and a bound keeps
 * detection's cost flat however long the message (a 5,000-word message costs what its first
 * thousand words do). About a thousand words.
 */
export const READ_CHARS = 6_000;

/** What the newest text of a customer's message asks for, with the fields the event needs; null for nothing to log. */
export function detect(newest: string, now: number): Suggestion | null {
  const text = newest.slice(0, READ_CHARS);
  const folded = fold(text);
  if (VETOES.some((pattern) => pattern.test(folded))) return null;
  const scores = score(folded);
  // A bid already lost ("we went with another supplier") asks nothing to match.
  if (LOST_FOLDED.test(folded)) scores.price_match = 0;
  // Asking a price is the most general ask: a price match, an order or a payment mentions the
  // quote, so a quote request is what is left when none of them is clear.
  let best: SuggestionKind | null = null;
  for (const kind of PRIORITY) if (kind !== 'quote' && scores[kind] >= THRESHOLD && (!best || scores[kind] > scores[best])) best = kind;
  if (!best && scores.quote >= THRESHOLD) best = 'quote';
  if (!best) return null;
  const money = findMoney(text);
  const suggestion: Suggestion = { kind: best };
  const reference = referenceIn(text, best);
  if (reference) suggestion.reference = reference;
  const quantity = quantityIn(text, money);
  if (quantity !== undefined && (best === 'quote' || best === 'order')) suggestion.quantity = quantity;
  if (best === 'price_match') {
    const competitor = competitorIn(text);
    if (competitor) suggestion.competitor = competitor.name;
    const price = competitor?.price ?? priceNearCompetitor(text, money, competitor?.index);
    if (price) suggestion.competitorPrice = { minor: price.minor, currency: price.currency };
  } else {
    const amount = largest(money);
    if (amount) suggestion.amount = { minor: amount.minor, currency: amount.currency };
  }
  if (best === 'payment') {
    // The date is the one written with the promise: read around it, not the whole message.
    const at = Math.min(...RULES.payment.map(([pattern]) => pattern.exec(folded)?.index ?? Infinity));
    const payBy = findDate(text.slice(Math.max(0, at - 200), at + 300), now);
    if (payBy) suggestion.payBy = payBy;
  }
  return suggestion;
}

function largest(money: FoundMoney[]): FoundMoney | undefined {
  // The total is usually the largest amount named; a unit price is smaller.
  return money.reduce<FoundMoney | undefined>((best, m) => (!best || m.minor > best.minor ? m : best), undefined);
}

// A company name: capitalised words (Initrode, Hansa Antriebe, Müller Technik, De Groot, Acme Tools Ltd).
const WORD = String.raw`\p{Lu}[\p{L}0-9&.'’-]*`;
const NAME = String.raw`(${WORD}(?:\s(?:${WORD}|&))*)`;
/** Verbs and phrases that follow a competitor's name: "Initrode came in at", "Globex quoted us", "Dubois nous a proposé". */
const AFTER_NAME = new RegExp(
  fold(String.raw`${NAME}(?:'s|’s)?,?\s(?:came in|has come in|have come in|quoted|offered|offers|is offering|are offering|has offered|have offered|has quoted|have quoted|charges?|sells?|quotes?|keeps?|undercut\w*|is cheaper|are cheaper|offer|quotation|bid|price|pricing|prices|is at|are at|at [$€£]|(?:is|are) asking|asks|(?:has |have )?put in|came back|come back|will do it|hat|haben|zit(?:ten)? op|(?:nous )?fait|(?:nos )?ha(?:n)? pasado|bietet|bieten|hat uns|haben uns|nous propose|nous a propose|nous proposent|biedt|bieden|heeft ons|hebben ons|nos ofrece|nos ofrecen|nos ha ofrecido|nos han ofrecido)(?![\p{L}])`),
  'gu',
);
/** A name, a few lower-case words and an amount: "Initrode will do it for $8,700", "Vandelay came back with £22,000". */
const BEFORE_AMOUNT = new RegExp(String.raw`${NAME}(?:\s[\p{Ll}][\p{L}'’]*){0,6},?\s(?:[$€£]|(?:USD|EUR|GBP|CHF|SEK)\s?)?\d`, 'gu');
/** Words that precede one: "an offer from Initech", "match Initrode", "talking to Initech". */
const AFTER_WORD = new RegExp(String.raw`(?<![\p{L}])(?:from|than|match|beat|to|with|von|bei|chez|van|bij|de chez)\s${NAME}`, 'gu');
/** Capitalised words that start a sentence or address someone, never a competitor's name on their own. */
const NOT_NAMES = new Set(
  ('I We You They He She It The This That These Those Their Our Your Yours Ours Theirs Mine My Its There What How Hi Hey Hello Dear Morning Afternoon Thanks Regards Can Could Would Please Forwarding Honestly Also But And So If ' +
    'Quick Yes Okay Unfortunately Sadly Given Since As Today Yesterday Just Another Other Competitor Competitors Q1 Q2 Q3 Q4 PO USD EUR GBP CHF SEK ' +
    'Monday Tuesday Wednesday Thursday Friday Sam Wir Sie Ihnen Uns Ihr Ihre Ihrem Ihren Ihrer Unser Unsere Der Die Das Ein Eine Einen Hallo Guten Sehr Leider Aber ' +
    'Nous Vous Le La Les Un Une Bonjour Bonsoir Mais Wij We Ze Zij Jullie Het Een Beste Hoi Goedemorgen Goedemiddag Helaas Maar Nosotros Usted Ustedes El Los Las Una Hola Buenos Estimado Estimada Pero Lamentablemente').split(' '),
);

function cleanName(raw: string): string | undefined {
  const words = raw.split(/\s+/).filter(Boolean).map((w) => w.replace(/['’]s$/, ''));
  while (words.length > 1 && NOT_NAMES.has(words[0]!)) words.shift();
  while (words.length > 1 && NOT_NAMES.has(words[words.length - 1]!)) words.pop();
  const name = words.join(' ').replace(/[.,]$/, '');
  if (!name || NOT_NAMES.has(name) || name.length < 2 || /^[A-Z]{0,3}-?\d/.test(name)) return undefined;
  return name;
}

function competitorIn(text: string): { name: string; index: number; price?: FoundMoney } | undefined {
  const folded = fold(text);
  const money = findMoney(text);
  for (const [pattern, source] of [[AFTER_NAME, folded], [BEFORE_AMOUNT, text], [AFTER_WORD, text]] as const) {
    const candidates: { name: string; index: number }[] = [];
    for (const m of source.matchAll(pattern)) {
      const index = m.index + m[0].indexOf(m[1]!);
      // Names are read from the text itself, accents and all (folding keeps every index).
      const name = cleanName(text.slice(index, index + m[1]!.length));
      if (name) candidates.push({ name, index: index + m[1]!.length - name.length });
    }
    if (!candidates.length) continue;
    // The name closest to a price wins; else the first one.
    let best: { name: string; index: number; price?: FoundMoney; distance: number } | undefined;
    for (const c of candidates) {
      for (const m of money) {
        const distance = Math.abs(m.index - c.index);
        if (distance < 80 && (!best || distance < best.distance)) best = { ...c, price: m, distance };
      }
    }
    return best ?? candidates[0];
  }
  return undefined;
}

function priceNearCompetitor(text: string, money: FoundMoney[], at: number | undefined): FoundMoney | undefined {
  if (!money.length) return undefined;
  if (at !== undefined) return money.reduce((a, b) => (Math.abs(b.index - at) < Math.abs(a.index - at) ? b : a));
  // No name: the lowest price named is the one to match.
  return money.reduce((a, b) => (b.minor < a.minor ? b : a));
}

/** Codes that say what they are (`PO-55012`, `INV-2240`, `RFQ-2291`), then a number after a word that says it. */
const CODES: Record<SuggestionKind, RegExp> = {
  order: /\b((?:PO|OC|IO|BC|SO|BE)-\d[\w-]*)/,
  payment: /\b((?:INV|RE|RG|F|FA|FAC)-\d[\w-]*)/,
  quote: /\b((?:RFQ|RFP|Q|QT|QU|AN|REF)-\d[\w-]*)/,
  price_match: /\b((?:Q|QT|QU|AN)-\d[\w-]*)/,
};
const NUMBERED = String.raw`\s?(?:#|no\.?|nr\.?|n°|number|nummer|numero|número|:)?\s?:?\s?([A-Z]{0,5}-?\d[\w-]{2,})`;
/** After "quote", a bare number is a quantity ("quote 500 housings"): a quote's number needs a mark or letters. */
const MARKED = String.raw`(?:\s?(?:#|no\.?|nr\.?|n°|number|nummer|numero|número|:)\s?:?\s?([A-Z]{0,5}-?\d[\w-]{2,})|\s([A-Z]{1,5}-?\d[\w-]{2,}))`;
const WORDS: Record<SuggestionKind, RegExp> = {
  order: new RegExp(String.raw`\b(?:PO|P\.O\.|purchase order|Bestellnummer|Bestellung|bon de commande|commande|inkooporder|bestelling|orden de compra|pedido)${NUMBERED}`, 'i'),
  payment: new RegExp(String.raw`\b(?:invoice|inv\.?|Rechnung|facture|factuur|factura)${NUMBERED}`, 'i'),
  quote: new RegExp(String.raw`\b(?:quote|quotation|offer|Angebot|devis|offerte|presupuesto|cotización|ref\.?|reference)${MARKED}`, 'i'),
  price_match: new RegExp(String.raw`\b(?:quote|quotation|offer|Angebot|devis|offerte|presupuesto|cotización)${MARKED}`, 'i'),
};

function referenceIn(text: string, kind: SuggestionKind): string | undefined {
  const m = CODES[kind].exec(text) ?? WORDS[kind].exec(text);
  return (m?.[1] ?? m?.[2])?.replace(/[.,]$/, '');
}

const UNITS = String.raw`(?:units?|filters?|seals?|bearings?|cartons?|pcs\.?|pieces?|housings?|parts?|items?|boxes|pallets?|sets?|kits?|valves?|sensors?|brackets?|motors?|Stück|Stk\.?|pièces?|stuks?|unidades|piezas)`;
const COUNT = String.raw`(?<![\d.,$€£#/-])(\d{1,3}(?:[,.'\s]\d{3})+|\d+)(?:\s?x)?\s`;
const COUNTED_UNITS = new RegExp(String.raw`${COUNT}(?:[\p{L}-]+\s){0,2}?${UNITS}\b`, 'iu');
/** A number before any word ("300 stainless trays", "60 hinges"), unless it says what it is: a code's number, a year, a time, a measure. */
const COUNTED = new RegExp(String.raw`(?<!\b(?:[A-Z]{2,}|no\.?|nr\.?|number|nummer|rev|line|week|KW|Q)\s?)${COUNT}([\p{L}][\p{L}-]*)`, 'gu');
const NOT_COUNTED =
  /^(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|[ap]m|h|m|mm|cm|km|kg|g|t|l|tonnes?|tons?|met[er]{2}s?|percent|per|of|or|and|to|times|tage?n?|wochen?|monate?n?|jahre?n?|stunden?|jours?|semaines?|mois|ans|heures?|dagen|weken|maanden|jaar|uur|d[ií]as|semanas|meses|a[nñ]os|horas|mal|fois|keer|veces|de|des|du|van|the|in|on|at|for|bis|um)$/i;
function quantityIn(text: string, money: FoundMoney[]): number | undefined {
  const inMoney = (index: number) => money.some((f) => index >= f.index && index < f.end);
  let m: RegExpExecArray | null = COUNTED_UNITS.exec(text);
  if (!m || inMoney(m.index)) {
    m = null;
    for (const c of text.matchAll(COUNTED)) {
      const word = c[2]!;
      if (NOT_COUNTED.test(word) || isMonthName(word) || inMoney(c.index) || /^(19|20)\d\d$/.test(c[1]!)) continue;
      m = c;
      break;
    }
  }
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/[,.'\s]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
