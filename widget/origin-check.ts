// A page whose origin the rights API does not allow (ALLOWED_ORIGINS) sees every API call fail as if offline: the
// browser hides the CORS refusal from scripts. When a call fails that way while the API's own public files answer
// (they allow any origin), the API is up and this origin is what is missing: said once in the console, by name.

/** Wraps `fetchFn` so that the first network failure towards `apiBase` checks whether this origin is the reason. */
export function checkingOrigin(fetchFn: typeof fetch, apiBase: string): typeof fetch {
  let checked = false;
  return (input, init) => {
    const answer = fetchFn(input, init);
    if (!checked)
      answer.catch((error: unknown) => {
        if (checked || !navigator.onLine || (error as Error | null)?.name === 'AbortError') return;
        checked = true;
        fetchFn(`${apiBase.replace(/\/+$/, '')}/widget/twikit-privacy.js`, { method: 'HEAD' }).then(
          (probe) =>
            probe.ok &&
            console.warn(
              `[twikit-privacy] the rights API at ${apiBase} answers, but not to this page: add ${location.origin} to its ALLOWED_ORIGINS`,
            ),
          () => undefined,
        );
      });
    return answer;
  };
}
