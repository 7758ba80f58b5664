import { describe, expect, it } from 'vitest';
import { columnsFor } from '@/components/history/PortfolioGrid';

const keys = (width: number) => columnsFor(width).map((c) => c.key);

describe('portfolio grid columns at each width (issue 19: the side panel)', () => {
  it('shows every column before layout and in a wide tab', () => {
    expect(keys(0)).toEqual(['name', 'band', 'score', 'warnings', 'revenue', 'quoteToOrder', 'daysLate', 'lastActivity']);
    expect(keys(1200)).toHaveLength(8);
  });
  it('at side-panel widths keeps the account, the band with its score, and the warnings', () => {
    for (const width of [300, 328, 360, 400, 420]) expect(keys(width)).toEqual(['name', 'band', 'warnings']);
  });
  it('gives columns up by priority, keeping display order, and what it keeps fits', () => {
    expect(keys(500)).toEqual(['name', 'band', 'score', 'warnings']);
    expect(keys(640)).toEqual(['name', 'band', 'score', 'warnings', 'lastActivity']);
    for (let width = 330; width <= 1200; width += 10) {
      const cols = columnsFor(width);
      expect(cols.reduce((sum, c) => sum + c.min, 0) + 8 * (cols.length - 1) + 16).toBeLessThanOrEqual(width);
    }
  });
});
