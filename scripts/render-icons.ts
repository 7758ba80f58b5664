/** Renders public/icon/quotewise.svg to the PNG sizes the stores and toolbar need. Run once after editing the SVG. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../test/e2e/harness';

const svg = await readFile(path.join(ROOT, 'public/icon/quotewise.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  await page.screenshot({ path: path.join(ROOT, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
