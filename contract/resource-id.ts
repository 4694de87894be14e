/**
 * The one rule for ids that appear in a URL path (conversations, prospects): 1 to 256
 * characters, no `/` or `\`, no control characters (NUL included), and not `.` or `..`. An id
 * outside it cannot name a resource, and sending it on could climb out of the documented route
 * (`/v1/conversations/..` is `/v1/`), so it is answered 404 without asking the upstream.
 */
const RESOURCE_ID = /^(?!\.{1,2}$)[^/\\\p{Cc}]{1,256}$/u;

export function isValidResourceId(id: string): boolean {
  return RESOURCE_ID.test(id);
}
