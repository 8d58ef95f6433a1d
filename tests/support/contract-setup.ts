// A fresh Neo4j creates its constraints and indexes, and plans each query once, on first use:
// seconds, not milliseconds, and minutes on a loaded machine (seen: the first suite's beforeAll
// over 60 s at load average 23 on 2 cores). Contract hooks and tests get a bound that allows for
// that; a hung store still fails the run.
jest.setTimeout(180_000);
