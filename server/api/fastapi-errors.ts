import type { ValidationIssue } from '../../contract';

/** Errors in the shapes FastAPI sends, so the demo behaves like Trata for every client. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { detail: string | ValidationIssue[] },
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : 'Request validation failed');
  }
}

export function validationProblem(issues: ValidationIssue[]): HttpProblem {
  return new HttpProblem(422, { detail: issues });
}

export function notFound(detail = 'Not Found'): HttpProblem {
  return new HttpProblem(404, { detail });
}

/** pydantic's message for a choice: "Input should be 'asc' or 'desc'". */
export function expectedChoices(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `'${choice}'`);
  return quoted.length === 1
    ? quoted[0]!
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
