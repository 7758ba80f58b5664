import * as z from 'zod/mini';
import { type Definition, DefinitionFile } from './definition';

/** The definition as a file to share with the team. */
export function definitionToFile(definition: Definition): string {
  const file: DefinitionFile = { format: 'quotewise-definition', formatVersion: 1, definition };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedDefinitionFile = { ok: true; definition: Definition } | { ok: false; error: string };

/** Read a shared definition file. Anything wrong gives a message a rep can act on, never a partial definition. */
export function parseDefinitionFile(text: string): ParsedDefinitionFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON. Choose a file exported from Quotewise’s options page.' };
  }
  const tag = json as { format?: unknown; formatVersion?: unknown } | null;
  if (tag?.format !== 'quotewise-definition') {
    return { ok: false, error: 'This is not a Quotewise ideal-account definition file.' };
  }
  if (typeof tag.formatVersion === 'number' && tag.formatVersion > 1) {
    return { ok: false, error: 'This file comes from a newer Quotewise. Update the extension, then import it again.' };
  }
  const parsed = DefinitionFile.safeParse(json);
  if (!parsed.success) return { ok: false, error: `The definition in this file is invalid:\n${z.prettifyError(parsed.error)}` };
  return { ok: true, definition: parsed.data.definition };
}
