/**
 * A Cypher statement and its parameters. Every query of the Neo4j adapter is built by a pure
 * function returning one of these, so the text can be unit-tested without a database and values
 * can only ever travel as parameters.
 */
export interface CypherQuery {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Joins the lines of a statement; keeps builders readable without template-literal indentation noise. */
export function lines(...parts: ReadonlyArray<string | false | null | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}
