/**
 * The newest part of an email's text: what the sender wrote this time, without the quoted
 * history, a forwarded message, the signature or the legal footer. The page's own markup
 * does most of it (lib/suggest/message.ts skips Gmail's and Outlook's quote and signature
 * elements); this cuts what is left in the text, as plain-text replies and clients that
 * quote inline leave it.
 */

const CUT_AT = [
  // Reply headers: "On Tue, 3 Dec 2026 at 10:02, Jane <jane@acme.com> wrote:"
  /^\s*(on|am|le|op|el)\b.{0,200}\b(wrote|schrieb|a écrit|schreef|escribió)\s*:?\s*$/im,
  /^\s*(-{2,}\s*)?(original message|ursprüngliche nachricht|message d'origine|oorspronkelijk bericht|mensaje original)\s*(-{2,})?\s*$/im,
  /^\s*-{3,}\s*(forwarded message|weitergeleitete nachricht|message transféré|doorgestuurd bericht|mensaje reenviado)\s*-{3,}/im,
  /^\s*(begin forwarded message|anfang der weitergeleiteten nachricht)\s*:/im,
  // Outlook's header block: "From: … Sent: …" (and its translations).
  /^\s*(from|von|de|van)\s*:.*\n\s*(sent|gesendet|envoyé|verzonden|enviado|date|datum|fecha)\s*:/im,
  /^\s*>/m,
  // Signature delimiter and sign-offs.
  /^--\s*$/m,
  /^\s*(best|kind|warm|many thanks and)?\s*regards,?\s*$/im,
  /^\s*(best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|yours faithfully|all the best),?\s*$/im,
  /^\s*(mit freundlichen grüßen|mit freundlichen grüssen|viele grüße|beste grüße|freundliche grüße|gruß|grüße),?\s*$/im,
  /^\s*(cordialement|bien cordialement|bien à vous|salutations|meilleures salutations),?\s*$/im,
  /^\s*(met vriendelijke groet(en)?|vriendelijke groet(en)?|groeten|mvg),?\s*$/im,
  /^\s*(saludos|un saludo|atentamente|saludos cordiales|un cordial saludo),?\s*$/im,
  /^\s*sent from my (iphone|ipad|android|mobile)/im,
  // Legal footers.
  /^\s*(this (e-?mail|message)( and any attachments?)? (is|are|may be) (confidential|intended)|confidentiality notice|disclaimer\s*:|the information (contained )?in this (e-?mail|message)|diese e-?mail (enthält|ist)|ce message (et|est)|dit bericht is|este (correo|mensaje) (es|y))/im,
];

/** How much of a message is looked at: twice what detection reads (detect.ts READ_CHARS), so the cut is still found in a long quote. */
export const LOOK_CHARS = 12_000;

export function newestText(whole: string): string {
  const text = whole.slice(0, LOOK_CHARS);
  let end = text.length;
  for (const pattern of CUT_AT) {
    const m = pattern.exec(text);
    // A sign-off on the very first line ("Thanks, Jane") is not where the message ends.
    if (m && m.index < end && m.index > 0) end = m.index;
  }
  return text.slice(0, end).trim();
}
