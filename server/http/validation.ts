import * as z from 'zod/mini';
import type { FieldError } from '../../shared/contract/problem.ts';
import { ApiProblem } from './problem.ts';
import { findBadText } from './text.ts';

/** Turns zod issues into field-level reasons with JSON Pointers into the request part they concern. */
export function fieldErrors(
  part: 'body' | 'query' | 'params' | 'header',
  issues: readonly z.core.$ZodIssue[],
): FieldError[] {
  return issues.map((issue) => ({
    pointer: `/${part}${issue.path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`,
    reason: describe(issue),
  }));
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `Required (${issue.expected}).` : `Expected ${issue.expected}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union':
      if ('options' in issue && issue.options && issue.options.length > 0) {
        return `Unknown value; must be one of: ${issue.options.map((v) => JSON.stringify(v)).join(', ')}.`;
      }
      return issue.discriminator ? `Unknown value for "${issue.discriminator}".` : 'Does not match any accepted form.';
    case 'too_small':
      return issue.origin === 'string'
        ? `Must be at least ${issue.minimum} characters.`
        : `Must be at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Must be at most ${issue.maximum} characters.`
        : `Must be at most ${issue.maximum}.`;
    case 'invalid_format':
      return `Must be a valid ${issue.format === 'regex' ? 'value' : issue.format}.${issue.message && issue.message !== 'Invalid input' ? ` ${issue.message}` : ''}`;
    default:
      return issue.message || 'Invalid value.';
  }
}

/** Parses `value` with `schema`, or throws a 422 naming every wrong field. */
export function parseOr422<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  part: 'body' | 'query' | 'params' | 'header',
): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const errors = fieldErrors(part, result.error.issues);
  const first = errors[0];
  throw new ApiProblem('validation-failed', 422, first ? `${first.pointer}: ${first.reason}` : 'Invalid input.', {
    errors,
  });
}

/**
 * Refuses text the database cannot hold as sent (a NUL character, a lone surrogate) anywhere in `value`,
 * with a 422 naming the field: checked before the schemas, so it covers every field of every endpoint,
 * including ones a schema would have dropped or trimmed.
 */
export function rejectBadText(part: 'body' | 'query' | 'params' | 'header', value: unknown): void {
  const found = findBadText(value, `/${part}`);
  if (found) throw new ApiProblem('validation-failed', 422, `${found.pointer}: ${found.reason}`, { errors: [found] });
}
