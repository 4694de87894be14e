import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  formatTrataTimestamp,
  PROSPECT_NOT_FOUND,
  PROSPECT_STATUSES,
  prospectCreateSchema,
  prospectUpdateSchema,
  type ValidationIssue,
} from '../../contract';
import type { ProspectStore } from '../db/prospect-store';
import { parseJsonBody } from './body-validation';
import { expectedChoices, HttpProblem, notFound, validationProblem } from './fastapi-errors';

/**
 * `GET`/`PUT /v1/prospects/{id}` and `POST /v1/prospects`, as Trata documents them. The list of
 * a prospect's conversations stays with the conversation routes.
 */
export function registerProspectRoutes(app: FastifyInstance, prospects: ProspectStore): void {
  app.get<{ Params: { prospectId: string } }>('/v1/prospects/:prospectId', async (request) => {
    const prospect = prospects.get(request.params.prospectId);
    if (!prospect) throw notFound(PROSPECT_NOT_FOUND);
    return prospect;
  });

  app.put<{ Params: { prospectId: string }; Body: string }>(
    '/v1/prospects/:prospectId',
    async (request) => {
      const patch = withEnumIssues(() => parseJsonBody(request.body, prospectUpdateSchema));
      const now = formatTrataTimestamp(Date.now());
      const updated = prospects.update(request.params.prospectId, patch, now);
      if (!updated) throw notFound(PROSPECT_NOT_FOUND);
      return updated;
    },
  );

  app.post<{ Body: string }>('/v1/prospects', async (request) => {
    const body = withEnumIssues(() => parseJsonBody(request.body, prospectCreateSchema));
    const nowMs = Date.now();
    const now = formatTrataTimestamp(nowMs);
    const id = body.id ?? `pro.${Math.floor(nowMs / 1000)}.${randomBytes(6).toString('base64url')}`;
    const created = prospects.create({
      externalReference: [],
      status: 'NEW',
      prospectProps: {},
      ...body,
      id,
      createdBy: 'api',
      createdAt: now,
      updatedBy: 'api',
      updatedAt: now,
    });
    if (!created) throw new HttpProblem(409, { detail: 'Prospect already exists' });
    return created;
  });
}

/** pydantic reports a bad `status` as an `enum` problem naming the choices. */
function withEnumIssues<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof HttpProblem) || typeof error.body.detail === 'string') throw error;
    const expected = expectedChoices(PROSPECT_STATUSES);
    const issues = error.body.detail.map((issue): ValidationIssue =>
      issue.type === 'value_error' && issue.loc.length === 2 && issue.loc[1] === 'status'
        ? {
            type: 'enum',
            loc: issue.loc,
            msg: `Input should be ${expected}`,
            input: issue.input,
            ctx: { expected },
          }
        : issue,
    );
    throw validationProblem(issues);
  }
}
