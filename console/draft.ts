import { useEffect, useState } from 'preact/hooks';

const PREFIX = 'twikit-console.draft.';

/**
 * A form field whose value is kept in sessionStorage as it is typed: when the session ends half-way, the operator
 * signs in again and finds what they wrote (issue 15). `clear()` once the action is done.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const read = () => {
    try {
      return sessionStorage.getItem(PREFIX + key) ?? initial;
    } catch {
      return initial;
    }
  };
  const [value, setValue] = useState(read);
  // A new key (another request's page) reads that request's draft.
  useEffect(() => setValue(read()), [key]);
  const write = (next: string) => {
    setValue(next);
    try {
      sessionStorage.setItem(PREFIX + key, next);
    } catch {
      // Storage refused: the draft lives as long as the page.
    }
  };
  const clear = () => {
    setValue(initial);
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing kept, nothing to clear.
    }
  };
  return [value, write, clear];
}
