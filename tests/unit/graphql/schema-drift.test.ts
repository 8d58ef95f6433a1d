import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printKizunaSchema } from '../../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:emit` after changing types or resolvers)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printKizunaSchema()).toBe(committed);
  });
});
