import { sendIfDatabaseUnavailable } from '../app-server/database-unavailable';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type * as z from 'zod/mini';
import {
  actionItemUpdateSchema,
  commentCreateSchema,
  commentUpdateSchema,
  CONVERSATION_NOT_FOUND,
  reviewUpdateSchema,
  secondsBetween,
  type CallReview,
  type ValidationIssue,
} from '../../contract';
import { parseJsonBody } from '../api/body-validation';
import { HttpProblem, notFound, validationProblem } from '../api/fastapi-errors';
import type { OutboxWorker } from '../outbox/outbox-worker';
import { ReviewProblem, type ReviewStore } from '../store/review-types';
import type { CallStore } from '../store/types';
import { requireReviewer, reviewerOf } from './reviewer';

export interface ReviewRouteOptions {
  calls: CallStore;
  reviews: ReviewStore;
  outbox: OutboxWorker;
}

const HISTORY_LIMIT = 500;
const STATUS: Record<ReviewProblem['kind'], number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
};

type CallParams = { Params: { id: string } };
type CommentParams = { Params: { id: string; commentId: string } };

/**
 * The review of a call: `GET/PUT /api/calls/{id}/review`, comments (`POST`, `PATCH`, `DELETE`),
 * action-item checks, and a retry for a failed delivery to Trata. Writes are saved in the index
 * and queued for Trata in one transaction; the answer never waits for Trata.
 */
export function registerReviewRoutes(app: FastifyInstance, options: ReviewRouteOptions): void {
  const { calls, reviews, outbox } = options;

  const callOf = async (id: string) => {
    const call = await calls.get(id);
    if (!call) throw notFound(CONVERSATION_NOT_FOUND);
    return {
      duration: secondsBetween(call.timestampStart, call.timestampEnd),
      actionItems: call.conversationAnalytics?.action_items ?? [],
    };
  };
  const body = <T>(raw: unknown, schema: z.ZodMiniType<T>): T =>
    parseJsonBody(raw === undefined ? undefined : JSON.stringify(raw), schema);
  const checkMoment = (at: number | null | undefined, duration: number | null) => {
    if (at === undefined || at === null || duration === null || at <= duration) return;
    throw validationProblem([
      {
        type: 'less_than_equal',
        loc: ['body', 'at_seconds'],
        msg: `Input should be less than or equal to ${duration} (the call lasts ${duration} s)`,
        input: at,
        ctx: { le: duration },
      },
    ]);
  };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof HttpProblem) return reply.code(error.statusCode).send(error.body);
      if (sendIfDatabaseUnavailable(error, request, reply)) return reply;
      if (error instanceof ReviewProblem) {
        if (error.kind === 'invalid') {
          const issue: ValidationIssue = {
            type: 'value_error',
            loc: ['body', 'follow_up_reason'],
            msg: error.message,
            input: null,
          };
          return reply.code(422).send({ detail: [issue] });
        }
        const extra = error.kind === 'conflict' ? { current: error.current ?? null } : {};
        return reply.code(STATUS[error.kind]).send({ detail: error.message, ...extra });
      }
      const { statusCode = 500, message } = error as { statusCode?: number; message?: string };
      if (statusCode >= 400 && statusCode < 500) {
        return reply.code(statusCode).send({ detail: message ?? 'Bad request' });
      }
      request.log.error(error);
      return reply.code(500).send({ detail: 'Internal Server Error' });
    });

    scope.get<CallParams>('/api/calls/:id/review', async (request, reply) => {
      const { id } = request.params;
      await callOf(id);
      const [list, comments, history, actionItems, delivery] = await Promise.all([
        reviews.reviews(id),
        reviews.comments(id),
        reviews.history(id, HISTORY_LIMIT),
        reviews.actionItems(id),
        reviews.delivery(id),
      ]);
      const review: CallReview = {
        reviews: list,
        comments,
        history,
        actionItems,
        delivery,
        me: reviewerOf(request),
      };
      return noStore(reply).send(review);
    });

    scope.put<CallParams>('/api/calls/:id/review', async (request, reply) => {
      const { id } = request.params;
      const actor = requireReviewer(request);
      const change = body(request.body, reviewUpdateSchema);
      await callOf(id);
      if (change.rating === undefined && change.status === undefined) {
        throw validationProblem([
          { type: 'missing', loc: ['body'], msg: 'Send a rating, a status or both', input: {} },
        ]);
      }
      const review = await reviews.setReview(id, actor, {
        ...(change.rating !== undefined ? { rating: change.rating } : {}),
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.follow_up_reason !== undefined
          ? { followUpReason: change.follow_up_reason }
          : {}),
        ...(change.version !== undefined ? { version: change.version } : {}),
      });
      outbox.kick();
      return noStore(reply).send(review);
    });

    scope.post<CallParams>('/api/calls/:id/comments', async (request, reply) => {
      const { id } = request.params;
      const actor = requireReviewer(request);
      const input = body(request.body, commentCreateSchema);
      const { duration } = await callOf(id);
      checkMoment(input.at_seconds, duration);
      const comment = await reviews.addComment(
        id,
        actor,
        input.text.trim(),
        input.at_seconds ?? null,
      );
      outbox.kick();
      return noStore(reply).code(201).send(comment);
    });

    scope.patch<CommentParams>('/api/calls/:id/comments/:commentId', async (request, reply) => {
      const { id, commentId } = request.params;
      const actor = requireReviewer(request);
      const input = body(request.body, commentUpdateSchema);
      const { duration } = await callOf(id);
      checkMoment(input.at_seconds, duration);
      const comment = await reviews.editComment(id, commentId, actor, {
        ...(input.text !== undefined ? { text: input.text.trim() } : {}),
        ...(input.at_seconds !== undefined ? { atSeconds: input.at_seconds } : {}),
        ...(input.version !== undefined ? { version: input.version } : {}),
      });
      outbox.kick();
      return noStore(reply).send(comment);
    });

    scope.delete<CommentParams & { Querystring: { version?: string } }>(
      '/api/calls/:id/comments/:commentId',
      async (request, reply) => {
        const { id, commentId } = request.params;
        const actor = requireReviewer(request);
        const raw = request.query.version;
        const version = raw === undefined ? undefined : Number(raw);
        if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
          throw validationProblem([
            {
              type: 'int_parsing',
              loc: ['query', 'version'],
              msg: 'Input should be a valid integer, unable to parse string as an integer',
              input: raw,
            },
          ]);
        }
        await callOf(id);
        await reviews.deleteComment(id, commentId, actor, version);
        outbox.kick();
        return noStore(reply).code(204).send();
      },
    );

    scope.put<{ Params: { id: string; index: string } }>(
      '/api/calls/:id/action-items/:index',
      async (request, reply) => {
        const { id } = request.params;
        const actor = requireReviewer(request);
        const input = body(request.body, actionItemUpdateSchema);
        const { actionItems } = await callOf(id);
        const index = Number(request.params.index);
        if (!/^\d{1,4}$/.test(request.params.index) || index >= actionItems.length) {
          throw validationProblem([
            {
              type: 'less_than',
              loc: ['path', 'index'],
              msg: `Input should be the index of one of the call's ${actionItems.length} action items`,
              input: request.params.index,
              ctx: { lt: actionItems.length },
            },
          ]);
        }
        const check = await reviews.setActionItem(
          id,
          index,
          actionItems[index]!,
          actor,
          input.checked,
        );
        return noStore(reply).send(check);
      },
    );

    scope.post<CallParams>('/api/calls/:id/review/delivery/retry', async (request, reply) => {
      const { id } = request.params;
      await callOf(id);
      await reviews.retry(id);
      outbox.kick();
      return noStore(reply)
        .code(202)
        .send(await reviews.delivery(id));
    });
  });
}
