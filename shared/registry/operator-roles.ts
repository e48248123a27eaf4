/**
 * Operator roles of the console (issue 15), declared once: the server checks them, the console hides what a
 * role does not allow, the OpenAPI document and the authorization fuzz read them from here.
 * - `operator` handles requests.
 * - `dpo` also reads the audit log and the reports, manages API keys, operators, notices and systems.
 * - `biometric` may see body-scan data; without it scans are masked in every view and export preview (R70).
 * A person may hold several (`dpo+biometric`); `biometric` alone opens nothing but the unmasked view.
 */
export const OPERATOR_ROLE_REGISTRY = [
  { id: 'operator', capabilities: ['console', 'requests:read', 'requests:act'] },
  {
    id: 'dpo',
    capabilities: [
      'console',
      'requests:read',
      'requests:act',
      'audit:read',
      'keys:manage',
      'notices:publish',
      'systems:manage',
      'reports:read',
    ],
  },
  { id: 'biometric', capabilities: ['console', 'scans:see'] },
] as const;

export type OperatorRole = (typeof OPERATOR_ROLE_REGISTRY)[number]['id'];
export type Capability = (typeof OPERATOR_ROLE_REGISTRY)[number]['capabilities'][number];

export const OPERATOR_ROLES: readonly OperatorRole[] = OPERATOR_ROLE_REGISTRY.map((r) => r.id);

/** Every capability some role grants. */
export const CAPABILITIES: readonly Capability[] = [
  ...new Set(OPERATOR_ROLE_REGISTRY.flatMap((r) => r.capabilities as readonly Capability[])),
];

/** True when one of `roles` grants `capability`. */
export const canDo = (roles: readonly OperatorRole[], capability: Capability): boolean =>
  OPERATOR_ROLE_REGISTRY.some(
    (r) => roles.includes(r.id) && (r.capabilities as readonly Capability[]).includes(capability),
  );

/**
 * Parses `OPERATORS`: comma-separated `email:role+role` entries, e.g.
 * `dpo@twikit.com:dpo+biometric,desk@twikit.com:operator`. Returns the entries or a message naming the bad one.
 */
export function parseOperators(
  raw: string,
): { ok: true; operators: Array<{ email: string; roles: OperatorRole[] }> } | { ok: false; error: string } {
  const operators: Array<{ email: string; roles: OperatorRole[] }> = [];
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf(':');
    const email = entry.slice(0, at).trim().toLowerCase();
    const roles = entry
      .slice(at + 1)
      .split('+')
      .map((r) => r.trim());
    if (at <= 0 || !/^[^\s@:]+@[^\s@:]+\.[^\s@:]+$/.test(email))
      return { ok: false, error: `"${entry}" is not "email:role" (e.g. dpo@twikit.com:dpo+biometric)` };
    const unknown = roles.filter((r) => !(OPERATOR_ROLES as readonly string[]).includes(r));
    if (unknown.length > 0 || roles.length === 0)
      return {
        ok: false,
        error: `"${entry}" names an unknown role "${unknown.join('+')}" (roles: ${OPERATOR_ROLES.join(', ')})`,
      };
    if (operators.some((o) => o.email === email)) return { ok: false, error: `${email} is listed twice` };
    operators.push({ email, roles: [...new Set(roles)] as OperatorRole[] });
  }
  return { ok: true, operators };
}
