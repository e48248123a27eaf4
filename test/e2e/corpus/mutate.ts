// Seeded randomness and JSON surgery for the bad-response corpus: pick a place in a valid body, change it.
// Everything here is deterministic for a given seed and body structure.

import { seededRandom } from '../../server/fuzz-kit.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = ReadonlyArray<string | number>;

/** The fuzz suite's seeded PRNG (mulberry32), with helpers: the same seed gives the same corpus on every run. */
export function createRng(seed: number) {
  const { next } = seededRandom(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p: number): boolean => next() < p,
  };
}
export type Rng = ReturnType<typeof createRng>;

/** Every place in `value` (the root included), depth-first in key order. */
export function paths(value: Json, at: Path = []): Array<{ path: Path; value: Json }> {
  const here = [{ path: at, value }];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => paths(item, [...at, i])));
  if (value && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key])));
  return here;
}

export const clone = <T extends Json>(value: T): T => structuredClone(value);

/** A copy of `root` with the value at `path` replaced by `fn(old)`; `undefined` deletes it (array items are spliced out). */
export function update(root: Json, path: Path, fn: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return fn(root) ?? null;
  const copy = clone(root);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string]!;
  const last = path[path.length - 1]!;
  const next = fn((parent as Record<string, Json>)[last as string]!);
  if (Array.isArray(parent)) {
    if (next === undefined) parent.splice(last as number, 1);
    else parent[last as number] = next;
  } else if (next === undefined) delete (parent as Record<string, Json>)[last as string];
  else (parent as Record<string, Json>)[last as string] = next;
  return copy;
}

export const typeName = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value of another JSON type than `v`. */
export function otherType(rng: Rng, v: Json): Json {
  const options: Json[] = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e21,
    '',
    'x',
    '0',
    'true',
    'null',
    [],
    [v],
    {},
    { value: v },
  ];
  const pool = options.filter((o) => typeName(o) !== typeName(v));
  return rng.pick(pool);
}

export const dot = (path: Path): string => (path.length ? path.join('.') : '(root)');
