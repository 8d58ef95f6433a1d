import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../../auth/roles';
import { CHANGE_OPS, type ChangeOp, type StoredChange } from '../../store/changes';
import { Connection } from '../common/connection';

export const ChangeOpEnum = Object.fromEntries(CHANGE_OPS.map((v) => [v, v])) as { [K in ChangeOp]: K };
export const RoleEnum = Object.fromEntries(ROLES.map((v) => [v, v])) as { [K in Role]: K };
registerEnumType(ChangeOpEnum, { name: 'ChangeOp' });
registerEnumType(RoleEnum, { name: 'Role', description: 'API key roles: READER < EDITOR < ADMIN.' });

@ObjectType({ description: 'Who made a change: the API key’s name and role (never the key), or the local user of an import.' })
export class ChangeActor {
  @Field(() => String)
  keyName!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType({ description: 'One field of a record before and after a change, as the data-set format states it (JSON; null = absent).' })
export class FieldChange {
  @Field(() => String)
  name!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  old!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  new!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'For a list field: the items the change added (null for other fields).' })
  get added(): unknown[] | null {
    return listDifference(this.new, this.old);
  }

  @Field(() => GraphQLJSON, { nullable: true, description: 'For a list field: the items the change removed (null for other fields).' })
  get removed(): unknown[] | null {
    return listDifference(this.old, this.new);
  }
}

/** Items of `a` not in `b` (compared as JSON) when either is a list; a missing list counts as empty. */
function listDifference(a: unknown, b: unknown): unknown[] | null {
  if (!Array.isArray(a) && !Array.isArray(b)) return null;
  const other = new Set((Array.isArray(b) ? b : []).map((item) => JSON.stringify(item)));
  return (Array.isArray(a) ? a : []).filter((item) => !other.has(JSON.stringify(item)));
}

@ObjectType({ description: 'An entry of the change log: one record written by a mutation or an import.' })
export class Change {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Position in the log; only grows.' })
  seq!: number;

  @Field(() => String, { description: 'When, as an ISO 8601 UTC instant.' })
  at!: string;

  @Field(() => ChangeActor)
  actor!: ChangeActor;

  @Field(() => ID, { description: 'The record written (it may since have been deleted).' })
  recordId!: string;

  @Field(() => String, { description: 'The record’s type (Person, Visit, …).' })
  label!: string;

  @Field(() => ChangeOpEnum)
  op!: ChangeOp;

  @Field(() => [FieldChange])
  fields!: FieldChange[];

  @Field(() => String, { nullable: true, description: 'The file an import read the record from.' })
  importFile!: string | null;

  @Field(() => String, { nullable: true, description: 'Shared by every entry of one mutation or one import.' })
  batchId!: string | null;
}

export const ChangeConnection = Connection(Change, 'Change');

/** A stored entry as the GraphQL object (field changes as FieldChange, for `added` / `removed`). */
export function toChange(stored: StoredChange): Change {
  return Object.assign(new Change(), stored, { fields: stored.fields.map((f) => Object.assign(new FieldChange(), f)) });
}
