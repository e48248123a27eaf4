import { endpoints, problemTypeUri, type Endpoint } from '../../shared/contract/index.ts';

const idempotent = (kind: 'required' | 'optional'): string =>
  Object.values(endpoints as Record<string, Endpoint>)
    .filter((e) => e.idempotencyKey === kind)
    .map((e) => `\`${e.method.toUpperCase()} ${e.path}\``)
    .join(', ');

/** `info.description`; endpoint names in it are read from the contract so the prose cannot drift from it. */
export const apiDescription = `The Twikit rights API: read the privacy notice, record consent decisions and objections, \
and file data-protection rights requests (access, rectification, erasure, restriction, portability, objection, \
account deletion) that operators then work through their lifecycle.

## Identity

Callers send \`Authorization: Bearer <token>\`. The kind of token decides what they may do:

- **Host-app token**: a JWT from the Twikit app the person is signed in to (HS256 or JWKS; \`sub\` and \`exp\` required). A proven identity.
- **E-mail session** (\`tps_…\`): from \`${endpoints.emailStart.path}\` then \`${endpoints.emailVerify.path}\`. A proven identity.
- **Device token** (\`tpd_…\`): from \`${endpoints.deviceSession.path}\`, for a visitor without an account. Pseudonymous: it may read \
and record consents but cannot file rights requests (403 \`identity-required\`).
- **Operator credentials**, for the \`operators\` and \`console\` endpoints only: a console session (\`tpo_…\`, from \
\`${endpoints.consoleStart.path}\` then \`${endpoints.consoleVerify.path}\`) or a named API key (\`tpk_…\`, created by a \
dpo). Each names an operator or key with roles (\`operator\`, \`dpo\`, \`biometric\`); a role that does not allow an \
action gets 403 \`forbidden\`, and a destructive action from a session without a fresh code 403 \`step-up-required\`. \
\`ADMIN_TOKEN\` grants nothing in production (development and tests only). Every action and every read of a person's \
data is written to the audit log under that name.

## Errors

Every error is \`application/problem+json\` (RFC 9457). \`type\` is a stable URI to branch on, e.g. \
\`${problemTypeUri('not-found')}\`; \`errors\` gives field-level reasons with a JSON Pointer into the request \
(\`/body/email\`, \`/query/locale\`).

## Idempotency

${idempotent('required')} requires an \`Idempotency-Key\` header (1–255 characters); ${idempotent('optional')} accepts one. \
Repeating a call with the same key and body replays the first answer; the same key with a different body is refused \
(422 \`idempotency-key-reused\`).

## Global Privacy Control

\`Sec-GPC: 1\` on the consent endpoints is honoured as an opt-out: third-party sharing is turned off and an objection \
to telemetry is recorded. \`${endpoints.gpc.path}\` declares support.
`;

export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A host-app JWT (HS256 or JWKS; `sub` and `exp` required), an e-mail session token `tps_…`, or a device token `tpd_…`.',
  },
  admin: {
    type: 'http',
    scheme: 'bearer',
    description: 'A console session `tpo_…` or a named API key `tpk_…` (ADMIN_TOKEN outside production only).',
  },
  jobToken: {
    type: 'http',
    scheme: 'bearer',
    description: "One job's `callback.token`, from the job the system received (valid for that job only, once).",
  },
  systemKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A data system\'s key: base64url(HMAC-SHA256(key of its `whsec_` secret, "twikit-privacy:system:" + system id)).',
  },
} as const;

/** What a response header means, for the names the contract lists. */
export const headerDescriptions: Readonly<Record<string, string>> = {
  ETag: 'Identifies this representation: send it back as `If-None-Match` to get 304 while it is unchanged, or (operator request views) as `If-Match` when acting on it.',
  'Content-Language': 'The locale of the notice text actually served.',
  Location: 'The URL of the new resource.',
  'Idempotent-Replayed': 'Present when this answer replays an earlier call with the same Idempotency-Key.',
  'Content-Disposition': 'An attachment file name for the export.',
};

/** Who may call, per auth kind, shown as the operation's description. */
export const authDescriptions: Readonly<Record<Endpoint['auth'], string>> = {
  none: 'No authentication.',
  subject: 'Any bearer: host-app token, e-mail session or device token.',
  identity: 'A proven identity: host-app token or e-mail session. A device token gets 403.',
  admin: 'A named operator: console session or API key, with a role granting this action (403 otherwise).',
  dev: 'Development builds only; no authentication.',
  job: "A data system answering one job: Bearer = that job's callback token.",
  system: "A data system's backend: Bearer = its key derived from its webhook secret.",
};
