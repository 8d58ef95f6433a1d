import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config';
import { listen } from './http';

/**
 * @neo4j/graphql 7 over the same labels, relationship types and properties Kizuna stores.
 * v7 has no to-one relationship fields, so `institution`, `to`, `visitor`, `country` are lists;
 * Institution's stored `country` code is exposed as `countryCode` (@alias) because `country` is
 * the LOCATED_IN relationship, as in Kizuna's schema.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Person @node {
    id: ID!
    name: String
    careerStage: String
    sortKey: String
    searchText: String
    labs: [Lab!]! @relationship(type: "MEMBER_OF", direction: OUT)
    affiliations: [Institution!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
    visits: [Visit!]! @relationship(type: "MADE", direction: OUT)
    papers: [Paper!]! @relationship(type: "AUTHORED", direction: OUT)
  }
  type Lab @node {
    id: ID!
    name: String
    sortKey: String
    institution: [Institution!]! @relationship(type: "PART_OF", direction: OUT)
    members: [Person!]! @relationship(type: "MEMBER_OF", direction: IN)
  }
  type Institution @node {
    id: ID!
    name: String
    sortKey: String
    countryCode: String @alias(property: "country")
    country: [Country!]! @relationship(type: "LOCATED_IN", direction: OUT)
    labs: [Lab!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Country @node {
    id: ID!
    code: String
    name: String
  }
  type Visit @node {
    id: ID!
    start: String
    status: String
    fiscalYear: Int
    sortKey: String
    visitor: [Person!]! @relationship(type: "MADE", direction: IN)
    from: [Institution!]! @relationship(type: "FROM", direction: OUT)
    to: [Institution!]! @relationship(type: "TO", direction: OUT)
  }
  type Paper @node {
    id: ID!
    title: String
    year: Int
    sortKey: String
  }
`;

export async function startPeer(config: Neo4jConfig): Promise<string> {
  // The driver as the library's documentation sets it up (lossless integers on: it converts them itself).
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  // Same Apollo setup as Kizuna's (no landing page, no cache-control hints).
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  return listen(app);
}
