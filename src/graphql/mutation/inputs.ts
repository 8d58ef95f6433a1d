import { Field, Float, ID, InputType, Int, type ClassType } from 'type-graphql';
import type { z } from 'zod';
import { citationSchema, membershipSchema } from '../../domain/model';
import {
  CareerStageEnum,
  EventKindEnum,
  InstitutionKindEnum,
  MaterialKindEnum,
  PaperStatusEnum,
  ProgramRoleEnum,
  ScheduleChangeEnum,
  VisitKindEnum,
  VisitStatusEnum,
} from '../common/enums';

/**
 * GraphQL input types generated from the data-set format's zod schemas (domain/model.ts), so
 * that the mutation inputs cannot drift from the format: a field added to a schema appears in
 * the input, and the input is validated by that same schema (write/service.ts parseRecord).
 * GraphQL can only say shapes: refinements (id prefixes, partial dates, ORCID) stay in zod and
 * come back as BAD_USER_INPUT with the field's path. Written by hand because no maintained
 * package maps zod 4 to type-graphql 2 classes; it handles exactly the zod kinds the format uses.
 */
type Schema = z.ZodType;
type TypeRef = Function | object;

const ENUMS: ReadonlyArray<Record<string, string>> = [
  CareerStageEnum, InstitutionKindEnum, MaterialKindEnum, VisitStatusEnum, ScheduleChangeEnum,
  PaperStatusEnum, EventKindEnum, ProgramRoleEnum, VisitKindEnum,
];

/** Nested object schemas get stable, readable names (others are named after their parent field). */
const NESTED_NAMES = new Map<unknown, string>([
  [citationSchema, 'CitationInput'],
  [membershipSchema, 'MembershipInput'],
]);
const generated = new Map<unknown, ClassType>();

export function inputTypeOf(name: string, schema: z.ZodObject, description?: string): ClassType {
  const existing = generated.get(schema);
  if (existing) return existing;
  const Generated = class {};
  Object.defineProperty(Generated, 'name', { value: name });
  generated.set(schema, Generated);
  for (const [key, field] of Object.entries(schema.shape)) {
    const { type, nullable, list } = graphqlTypeOf(field as Schema, `${name.replace(/Input$/, '')}${capitalise(key)}Input`, key);
    Field(() => (list ? [type] : type), { nullable })(Generated.prototype, key);
  }
  InputType(name, { description })(Generated);
  return Generated;
}

interface Mapped {
  type: TypeRef;
  nullable: boolean;
  list: boolean;
}

function graphqlTypeOf(schema: Schema, nestedName: string, key: string): Mapped {
  const def = (schema as unknown as { def: Record<string, any> }).def;
  switch (def.type) {
    case 'optional':
    case 'default':
      return { ...graphqlTypeOf(def.innerType, nestedName, key), nullable: true };
    case 'array':
      return { type: scalarOf(def.element, nestedName, key), nullable: false, list: true };
    default:
      return { type: scalarOf(schema, nestedName, key), nullable: false, list: false };
  }
}

function scalarOf(schema: Schema, nestedName: string, key: string): TypeRef {
  const def = (schema as unknown as { def: Record<string, any> }).def;
  switch (def.type) {
    case 'string':
      return key === 'id' ? ID : String;
    case 'number':
      return (schema as unknown as { isInt?: boolean }).isInt ? Int : Float;
    case 'boolean':
      return Boolean;
    case 'enum':
      return enumOf(Object.keys(def.entries));
    case 'object':
      return inputTypeOf(NESTED_NAMES.get(schema) ?? nestedName, schema as z.ZodObject);
    case 'union': {
      // A citation is a bare source id or an object; GraphQL inputs have no unions, so the object form stands for both.
      const object = (def.options as Schema[]).find((o) => (o as unknown as { def: { type: string } }).def.type === 'object');
      if (object) return inputTypeOf(NESTED_NAMES.get(schema) ?? nestedName, object as z.ZodObject);
      break;
    }
  }
  throw new TypeError(`inputTypeOf: no GraphQL input for a zod ${String(def.type)} (${nestedName})`);
}

/** The registered GraphQL enum with exactly these values; plain String (zod checks the value) when none is registered. */
function enumOf(values: string[]): TypeRef {
  const key = [...values].sort().join('|');
  return ENUMS.find((e) => Object.keys(e).sort().join('|') === key) ?? String;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A GraphQL input value as the zod schema expects it: plain objects, and no nulls (GraphQL's
 * "not given" for an optional field; the format's optional fields are absent, not null).
 */
export function plainInput(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(plainInput);
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const plain = plainInput(v);
    if (plain !== undefined) out[k] = plain;
  }
  return out;
}
