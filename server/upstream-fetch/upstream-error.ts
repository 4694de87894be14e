/**
 * A failure talking to the upstream API or a recording host, with a message that is safe to
 * show to a person: it names the reason, never the token, a stack or the upstream's own body.
 */
export class UpstreamError extends Error {
  constructor(
    readonly statusCode: 502 | 504,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}
