import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** Node versions the machines run (.nvmrc) and the lowest one package.json promises. */
const nvmrc = readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
const machines = semver.coerce(nvmrc)!.version;
const promised = semver.minVersion(json('package.json').engines.node)!.version;

describe('the Node version', () => {
  it('that package.json promises includes the one .nvmrc names', () => {
    expect(semver.satisfies(machines, json('package.json').engines.node)).toBe(true);
  });

  it('is enough for every installed package: npm ci prints no engine warning', () => {
    const packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }> = json('package-lock.json').packages;
    const unmet = Object.entries(packages)
      .filter(([name, entry]) => name && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => {
        const range = (entry.engines as { node: string }).node;
        return !semver.satisfies(machines, range) || !semver.satisfies(promised, range);
      })
      .map(([name, entry]) => `${name} needs node ${(entry.engines as { node: string }).node}`);
    expect(unmet).toEqual([]);
  });
});
