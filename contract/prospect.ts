import * as z from 'zod/mini';
import { PROSPECT_STATUSES } from './fields';

/**
 * The Prospect object of the Trata contract: the caller behind conversations. Tolerant on read
 * (any status string is shown as it is); the request bodies below are strict.
 */

const externalReferenceSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const prospectSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  orgId: z.nullish(z.string()),
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  phoneNumber: z.nullish(z.string()),
  externalReference: z.nullish(z.array(externalReferenceSchema)),
  status: z.nullish(z.string()),
  prospectProps: z.nullish(z.record(z.string(), z.unknown())),
  createdBy: z.nullish(z.string()),
  createdAt: z.nullish(z.string()),
  updatedBy: z.nullish(z.string()),
  updatedAt: z.nullish(z.string()),
});
export type Prospect = z.infer<typeof prospectSchema>;
export type ExternalReference = z.infer<typeof externalReferenceSchema>;

export const PROSPECT_NOT_FOUND = 'Prospect not found';

function text(maxLength: number) {
  return z.string().check(z.maxLength(maxLength));
}

const prospectFields = {
  orgId: z.optional(z.nullable(text(200))),
  name: z.optional(z.nullable(text(1_000))),
  email: z.optional(z.nullable(text(1_000))),
  phoneNumber: z.optional(z.nullable(text(100))),
  externalReference: z.optional(
    z.nullable(
      z.array(z.union([text(1_000), z.record(text(200), z.unknown())])).check(z.maxLength(100)),
    ),
  ),
  status: z.optional(z.nullable(z.enum(PROSPECT_STATUSES))),
  prospectProps: z.optional(z.nullable(z.record(text(200), z.unknown()))),
};

/** The body of `PUT /v1/prospects/{id}`: any subset of the fields; unknown keys are refused. */
export const prospectUpdateSchema = z.strictObject(prospectFields);
export type ProspectUpdate = z.infer<typeof prospectUpdateSchema>;

/** The body of `POST /v1/prospects`; the server gives the id unless one is sent. */
export const prospectCreateSchema = z.strictObject({
  ...prospectFields,
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type ProspectCreate = z.infer<typeof prospectCreateSchema>;
