/**
 * Is the page dark where the badge sits? Sites have their own dark themes, whatever
 * the OS says. The customer's own text decides when it is clearly light or clearly
 * dark: one style read, where walking up the backgrounds costs one per ancestor on
 * every email opened. Otherwise the first opaque background up the tree decides, and
 * a page with no background at all follows prefers-color-scheme.
 */
export function isDarkAt(element: Element): boolean {
  const text = parseColor(getComputedStyle(element).color);
  if (text && text[3] > 0.5) {
    const lightness = luminance(text);
    if (lightness >= LIGHT_TEXT) return true;
    if (lightness <= DARK_TEXT) return false;
  }
  for (let node: Element | null = element; node; node = node.parentElement) {
    const rgba = parseColor(getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Relative luminance of text that only a dark theme uses (#bbb and lighter), and of text only a light theme uses (#777 and darker). */
const LIGHT_TEXT = 0.49;
const DARK_TEXT = 0.19;

function parseColor(value: string): [number, number, number, number] | null {
  const parts = value.match(/[\d.]+/g)?.map(Number);
  if (!parts || parts.length < 3) return null;
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}
