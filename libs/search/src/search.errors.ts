/** Errors every adapter raises the same way (alongside `SearchUnavailableError` from the port). */

/** The index was never created with `ensureIndex` (HTTP 404 on the embedded server). */
export class SearchIndexNotFoundError extends Error {
  constructor(readonly index: string, options?: { cause?: unknown }) {
    super(`Search index "${index}" does not exist; call ensureIndex first`, options);
    this.name = 'SearchIndexNotFoundError';
  }
}

/** The caller sent something the engine cannot accept: a bad name, field, value or range (HTTP 400). */
export class InvalidSearchRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidSearchRequestError';
  }
}
