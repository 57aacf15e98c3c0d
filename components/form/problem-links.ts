import type { FormState } from '../../lib/form/state';
import { fieldControlId, type Problem } from '../../lib/form/validation';
import { SCALAR_FIELDS } from '../../lib/schema/fields';

/** The id FieldList gives each field's Edit button. */
export function editButtonId(field: string): string {
  return `edit-${field}`;
}

/**
 * Where "nothing to send yet" takes the reader: the first open field's input or open author's
 * first field (where the change is typed), else the first Edit button (where one starts). The
 * submit bar makes every reason a link to its control (issue 18), this one included.
 */
function firstEditTarget(state: FormState): string {
  const field = SCALAR_FIELDS.find((candidate) => state.selected.includes(candidate));
  if (field) return fieldControlId(field);
  const author = state.authors.find((candidate) => !candidate.removed && state.expanded.includes(candidate.key));
  if (author) return `author-${author.key}-given`;
  return editButtonId(SCALAR_FIELDS[0]);
}

/** Every problem with a control to link to. */
export function linkedProblems(problems: Problem[], state: FormState): Problem[] {
  return problems.map((problem) => (problem.target ? problem : { ...problem, target: firstEditTarget(state) }));
}
