import * as z from 'zod/mini';
import { RightsRequestInput } from '../contract/requests.ts';

/** Why a field is not acceptable; the UI turns each into a sentence that says how to fix it. */
export type FieldProblem = 'required' | 'too-long' | 'invalid' | 'confirm';

export type FieldProblems = Record<string, FieldProblem>;

/** Checks a draft against the contract before it is sent: `{ ok, value }` or the problem of each field. */
export function validateRequest(
  draft: unknown,
): { ok: true; value: RightsRequestInput } | { ok: false; problems: FieldProblems } {
  const result = z.safeParse(RightsRequestInput, draft);
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblems = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (problems[field]) continue;
    if (field === 'confirmed') problems[field] = 'confirm';
    else if (issue.code === 'too_big') problems[field] = 'too-long';
    // Judged from the draft, not the issue: zod reports a missing choice as `invalid_value`.
    else if (
      (draft as Record<string, unknown> | null)?.[field] === undefined ||
      issue.code === 'custom' ||
      issue.code === 'too_small'
    )
      problems[field] = 'required';
    else problems[field] = 'invalid';
  }
  return { ok: false, problems };
}
