import { getNamedType, isInputObjectType, isNonNullType, type GraphQLInputObjectType } from 'graphql';
import { buildKizunaSchema } from '../../../src/graphql/schema';
import { TYPE_OF_LABEL } from '../../../src/graphql/node/mappers';
import { RECORD_KINDS } from '../../../src/write/records';
import type { Label } from '../../../src/domain/ids';

/**
 * The mutation inputs are generated from the data-set format's zod schemas: every field of every
 * record type is in its input, required exactly when the format requires it, and every record type
 * has its upsert, EDITOR-only (a drift guard for inputs.ts and the resolver list).
 */
const schema = buildKizunaSchema();

describe.each(Object.keys(RECORD_KINDS) as Label[])('%s', (label) => {
  const typeName = TYPE_OF_LABEL[label].name;

  it('its input has the format’s fields, required where the format requires them', () => {
    const input = schema.getType(`${typeName}Input`) as GraphQLInputObjectType;
    expect(isInputObjectType(input)).toBe(true);
    const shape = RECORD_KINDS[label].schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const fields = input.getFields();
    expect(Object.keys(fields).sort()).toEqual(Object.keys(shape).sort());
    for (const [name, field] of Object.entries(fields)) {
      const optionalInFormat = shape[name].safeParse(undefined).success;
      expect([name, isNonNullType(field.type)]).toEqual([name, !optionalInFormat]);
    }
  });

  it(`has upsert${typeName}(input, expectedVersion) returning the record`, () => {
    const mutation = schema.getMutationType()!.getFields()[`upsert${typeName}`];
    expect(getNamedType(mutation.type).name).toBe(typeName);
    expect(mutation.args.map((a) => a.name).sort()).toEqual(['expectedVersion', 'input']);
  });
});
