import type { TypedDocumentString } from './gql/graphql';

/** A GraphQL error the API answered with; `code` is the API's closed set (BAD_USER_INPUT, …). */
export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/**
 * Sends one typed operation to the API the page was served by (same origin, so no CORS and
 * nothing leaves the API's host). The result type comes from the generated document.
 */
export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code);
  if (!body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}
