import { cleanup, render, screen } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateNotice } from '@/components/UpdateNotice';
import { QuotewiseDB } from '@/lib/db/db';
import { LATEST_VERSION } from '@/lib/db/schema';

afterEach(cleanup);

describe('UpdateNotice', () => {
  it('stays silent, then asks the rep to reload once an update upgrades the database under the page', async () => {
    const name = `notice-${crypto.randomUUID()}`;
    const pageConnection = new QuotewiseDB(name, LATEST_VERSION - 1);
    await pageConnection.open();
    render(<UpdateNotice />);
    expect(screen.queryByRole('alert')).toBeNull();

    const updated = new QuotewiseDB(name);
    await updated.open();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Quotewise was updated while this page was open\. Reload it/);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    updated.close();
    await Dexie.delete(name);
  });
});
