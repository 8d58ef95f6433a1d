import neo4j from 'neo4j-driver';

/**
 * Counts the Cypher statements this process sends, whatever layer sends them (Kizuna's executor,
 * @neo4j/graphql, a bare driver): managed transactions call Transaction.run (bound when each
 * transaction starts), auto-commit calls Session.run. Used by each benchmark server process and by
 * the contract test that fixes the statements per request; `take()` returns the count since the
 * last take.
 */
export function countStatements(): { take(): number; peek(): number; restore(): void } {
  let count = 0;
  const patched: [any, unknown][] = [];
  for (const Klass of [(neo4j as any).Session, (neo4j as any).Transaction]) {
    const original = Klass.prototype.run;
    patched.push([Klass, original]);
    Klass.prototype.run = function counted(this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  }
  return {
    peek() {
      return count;
    },
    take() {
      const n = count;
      count = 0;
      return n;
    },
    restore() {
      for (const [Klass, original] of patched) Klass.prototype.run = original;
    },
  };
}
