import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A fixture page parsed into its own document (happy-dom), as the adapters see it. */
export function fixtureDocument(fixture: string): Document {
  const html = readFileSync(path.resolve(import.meta.dirname, '../fixtures', fixture), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * The same page after a redesign: every attribute and custom element the sites
 * could rename is renamed. An adapter must find nothing here, and not throw.
 */
export function changedStructure(fixture: string): Document {
  const doc = fixtureDocument(fixture);
  for (const element of [...doc.body.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) {
      element.removeAttribute(name);
      element.setAttribute(`data-old-${name.replace(/^data-/, '')}`, value);
    }
  }
  return doc;
}
