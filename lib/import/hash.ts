/**
 * cyrb53 (public domain, bryc): a fast, well-mixed 53-bit string hash. Two seeds
 * give 106 bits, so 100,000 rows collide with odds around 1e-22. Not for secrets:
 * it names imported rows so that importing the same file twice adds nothing.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function stableHash(text: string): string {
  return cyrb53(text, 0).toString(36).padStart(11, '0') + cyrb53(text, 0x9e3779b9).toString(36).padStart(11, '0');
}
