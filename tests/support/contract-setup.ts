// A fresh Neo4j creates its constraints and indexes, and plans each query once, on first use:
// seconds, not milliseconds. Contract hooks and tests get a bound that allows for that.
jest.setTimeout(60_000);
