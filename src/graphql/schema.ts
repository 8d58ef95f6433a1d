import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import type { Role } from '../auth/roles';
import { assertAuthWiring, authChecker } from './auth';
import type { Context } from './context';
import { ANALYTICS_RESOLVERS } from './analytics/analytics.resolver';
import { NETWORK_CHANGE_RESOLVERS } from './analytics/networkChange.resolver';
import { PAIRINGS_RESOLVERS } from './analytics/pairings.resolver';
import { useCompiledReads } from './compile/resolvers';
import { CirculationResolver } from './circulation/circulation.resolver';
import { CountryResolver } from './country/country.resolver';
import { EventResolver } from './event/event.resolver';
import { InstitutionResolver } from './institution/institution.resolver';
import { LabResolver } from './lab/lab.resolver';
import { MaterialResolver } from './material/material.resolver';
import { TYPE_OF_LABEL } from './node/mappers';
import { NodeResolver } from './node/node.resolver';
import { PaperResolver } from './paper/paper.resolver';
import { PersonResolver } from './person/person.resolver';
import { SearchResolver } from './search/search.resolver';
import { SourceResolver, sourcesResolverFor } from './source/source.resolver';
import { ThemeResolver } from './theme/theme.resolver';
import { TransferResolver } from './transfer/transfer.resolver';
import { VisitResolver } from './visit/visit.resolver';
import { ChangeResolver, recordMetaResolverFor } from './change/change.resolver';
import { MUTATION_RESOLVERS } from './mutation/mutation.resolver';
import { ImportResolver } from './import/import.resolver';

/** Every resolver class of the API. A feature adds its resolver here and nowhere else. */
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  PersonResolver,
  InstitutionResolver,
  LabResolver,
  CountryResolver,
  ThemeResolver,
  MaterialResolver,
  VisitResolver,
  PaperResolver,
  EventResolver,
  TransferResolver,
  SourceResolver,
  SearchResolver,
  CirculationResolver,
  ...ANALYTICS_RESOLVERS,
  ...NETWORK_CHANGE_RESOLVERS,
  ...PAIRINGS_RESOLVERS,
  ...Object.values(TYPE_OF_LABEL)
    .filter((type) => type.name !== 'Source')
    .map(sourcesResolverFor),
  ChangeResolver,
  ...Object.values(TYPE_OF_LABEL).map(recordMetaResolverFor),
  ...MUTATION_RESOLVERS,
  ImportResolver,
];

let cached: GraphQLSchema | null = null;

/** Builds the schema with the given checker; refuses (throws) when fields are @Authorized and there is none. */
export function buildSchemaWith(checker: AuthChecker<Context, Role> | undefined): GraphQLSchema {
  assertAuthWiring(checker);
  return buildSchemaSync({ resolvers: RESOLVERS, validate: false, authChecker: checker, authMode: 'error' });
}

/** The schema is built once per process: type-graphql's metadata is global and immutable after start. */
export function buildKizunaSchema(): GraphQLSchema {
  cached ??= useCompiledReads(buildSchemaWith(authChecker));
  return cached;
}

/** The SDL committed as schema/schema.graphql, sorted so that it diffs well (a test fails when it drifts). */
export function printKizunaSchema(): string {
  return printSchema(lexicographicSortSchema(buildKizunaSchema())) + '\n';
}
