// One byte-exact serialisation per value, so a hash of the notice does not depend on the order in
// which its fields happened to be written.

/** JSON with object keys sorted recursively, no whitespace, and `undefined` object members dropped. */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // Respect toJSON (e.g. Date) the way JSON.stringify does.
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    // In arrays JSON has no "absent": undefined becomes null, as in JSON.stringify.
    return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      // Code-unit order, not localeCompare: the result must not depend on the runtime's locale.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  const json = JSON.stringify(value);
  // undefined, functions and symbols have no JSON form; failing beats hashing something silently wrong.
  if (json === undefined) throw new TypeError(`Value has no JSON representation: ${typeof value}`);
  return json;
}
