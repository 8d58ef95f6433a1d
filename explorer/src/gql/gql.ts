/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExplorerNetwork($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: true }) {\n      nodes { id label country group groupLabel stage earlyCareer degree type }\n      edges { source target kinds weight }\n    }\n    countries { id code name nameJa }\n  }\n": typeof types.ExplorerNetworkDocument,
    "\n  query ExplorerDoneTies($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: false }) {\n      edges { id }\n    }\n  }\n": typeof types.ExplorerDoneTiesDocument,
    "\n  query ExplorerTieEvidence($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: true }) {\n      edges { id visits intervals { start end } }\n    }\n  }\n": typeof types.ExplorerTieEvidenceDocument,
    "\n  query ExplorerJapaneseNames($after: String) {\n    people(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id nameJa familyNameJa } }\n    }\n  }\n": typeof types.ExplorerJapaneseNamesDocument,
    "\n  query ExplorerCentrality($level: GroupLevel!, $first: Int!) {\n    brokerage(level: $level, earlyCareerOnly: false, orderBy: BETWEENNESS, first: $first) {\n      person { id }\n      betweenness\n    }\n  }\n": typeof types.ExplorerCentralityDocument,
    "\n  query ExplorerBridges($level: GroupLevel!, $earlyCareerOnly: Boolean!, $includePlanned: Boolean!) {\n    bridges(level: $level, earlyCareerOnly: $earlyCareerOnly, includePlanned: $includePlanned, first: 200) {\n      person { id displayName name nameJa }\n      careerStage\n      pairs { structuralHole a { group { id name level resolvedLevel } } b { group { id name level resolvedLevel } } }\n    }\n  }\n": typeof types.ExplorerBridgesDocument,
    "\n  query ExplorerPerson($id: ID!, $level: GroupLevel!) {\n    person(id: $id) {\n      id displayName name nameJa familyNameJa title careerStage earlyCareer placeholder cohort headcount programRole\n      labs { role roleJa lab { id name nameJa institution { id name nameJa shortName countryCode } } }\n      affiliations { role roleJa institution { id name nameJa shortName countryCode placeholder } }\n      visits {\n        id start end status scheduleChange purpose purposeJa\n        to { id name nameJa shortName countryCode placeholder }\n        lab { id name nameJa }\n        hosts { id displayName }\n      }\n      papers { id title titleJa status year }\n      sources { field reading canonical source { id quote section document lang } }\n    }\n    brokerage(people: [$id], level: $level, earlyCareerOnly: false) { betweenness constraint effectiveSize degree }\n  }\n": typeof types.ExplorerPersonDocument,
    "\n  query ExplorerGroup($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Lab { name nameJa institution { name nameJa countryCode } head { id displayName }\n        members { person { id displayName } role } sources { field reading canonical source { id quote section document lang } } }\n      ... on Institution { name nameJa shortName countryCode placeholder\n        labs { id name } affiliates { id displayName } sources { field reading canonical source { id quote section document lang } } }\n      ... on Country { name nameJa code }\n    }\n  }\n": typeof types.ExplorerGroupDocument,
    "\n  query ExplorerSearch($text: String!) {\n    search(text: $text, first: 12) {\n      score\n      node {\n        id\n        ... on Person { displayName nameJa }\n        ... on Institution { name nameJa shortName }\n        ... on Lab { name nameJa }\n        ... on Theme { name nameJa }\n        ... on Material { name nameJa }\n        ... on Paper { title }\n        ... on Event { name nameJa }\n        ... on Country { name nameJa }\n      }\n    }\n  }\n": typeof types.ExplorerSearchDocument,
    "\n  query ExplorerPath($from: ID!, $to: ID!, $includePlanned: Boolean!) {\n    collaborationPath(from: $from, to: $to, includePlanned: $includePlanned, maxHops: 10) {\n      hops\n      people { id displayName nameJa }\n      steps {\n        from { id displayName }\n        to { id displayName }\n        tie {\n          kinds\n          visits { id start status purpose purposeJa to { name shortName } }\n          papers { id title status year }\n          labs { id name }\n        }\n      }\n    }\n  }\n": typeof types.ExplorerPathDocument,
    "\n  query ExplorerVisits($after: String) {\n    visits(first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id start end startEarliest endLatest status scheduleChange fiscalYear kind\n        visitor { id displayName nameJa }\n        to { id name nameJa shortName countryCode }\n      } }\n    }\n  }\n": typeof types.ExplorerVisitsDocument,
    "\n  query ExplorerCirculation($fiscalYear: Int!) {\n    circulation(fiscalYear: $fiscalYear, groupBy: COUNTRY) {\n      period { start end }\n      totals { stays crossBorderStays personMonthsAbroad earlyCareerStayShare participants { people earlyCareer } returnees { people } newTies }\n      planFulfilment { items completed inProgress planned postponed advanced cancelled }\n      pairs { from { code: countryCode name } to { code: countryCode name } stays personMonths }\n    }\n  }\n": typeof types.ExplorerCirculationDocument,
};
const documents: Documents = {
    "\n  query ExplorerNetwork($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: true }) {\n      nodes { id label country group groupLabel stage earlyCareer degree type }\n      edges { source target kinds weight }\n    }\n    countries { id code name nameJa }\n  }\n": types.ExplorerNetworkDocument,
    "\n  query ExplorerDoneTies($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: false }) {\n      edges { id }\n    }\n  }\n": types.ExplorerDoneTiesDocument,
    "\n  query ExplorerTieEvidence($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: true }) {\n      edges { id visits intervals { start end } }\n    }\n  }\n": types.ExplorerTieEvidenceDocument,
    "\n  query ExplorerJapaneseNames($after: String) {\n    people(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id nameJa familyNameJa } }\n    }\n  }\n": types.ExplorerJapaneseNamesDocument,
    "\n  query ExplorerCentrality($level: GroupLevel!, $first: Int!) {\n    brokerage(level: $level, earlyCareerOnly: false, orderBy: BETWEENNESS, first: $first) {\n      person { id }\n      betweenness\n    }\n  }\n": types.ExplorerCentralityDocument,
    "\n  query ExplorerBridges($level: GroupLevel!, $earlyCareerOnly: Boolean!, $includePlanned: Boolean!) {\n    bridges(level: $level, earlyCareerOnly: $earlyCareerOnly, includePlanned: $includePlanned, first: 200) {\n      person { id displayName name nameJa }\n      careerStage\n      pairs { structuralHole a { group { id name level resolvedLevel } } b { group { id name level resolvedLevel } } }\n    }\n  }\n": types.ExplorerBridgesDocument,
    "\n  query ExplorerPerson($id: ID!, $level: GroupLevel!) {\n    person(id: $id) {\n      id displayName name nameJa familyNameJa title careerStage earlyCareer placeholder cohort headcount programRole\n      labs { role roleJa lab { id name nameJa institution { id name nameJa shortName countryCode } } }\n      affiliations { role roleJa institution { id name nameJa shortName countryCode placeholder } }\n      visits {\n        id start end status scheduleChange purpose purposeJa\n        to { id name nameJa shortName countryCode placeholder }\n        lab { id name nameJa }\n        hosts { id displayName }\n      }\n      papers { id title titleJa status year }\n      sources { field reading canonical source { id quote section document lang } }\n    }\n    brokerage(people: [$id], level: $level, earlyCareerOnly: false) { betweenness constraint effectiveSize degree }\n  }\n": types.ExplorerPersonDocument,
    "\n  query ExplorerGroup($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Lab { name nameJa institution { name nameJa countryCode } head { id displayName }\n        members { person { id displayName } role } sources { field reading canonical source { id quote section document lang } } }\n      ... on Institution { name nameJa shortName countryCode placeholder\n        labs { id name } affiliates { id displayName } sources { field reading canonical source { id quote section document lang } } }\n      ... on Country { name nameJa code }\n    }\n  }\n": types.ExplorerGroupDocument,
    "\n  query ExplorerSearch($text: String!) {\n    search(text: $text, first: 12) {\n      score\n      node {\n        id\n        ... on Person { displayName nameJa }\n        ... on Institution { name nameJa shortName }\n        ... on Lab { name nameJa }\n        ... on Theme { name nameJa }\n        ... on Material { name nameJa }\n        ... on Paper { title }\n        ... on Event { name nameJa }\n        ... on Country { name nameJa }\n      }\n    }\n  }\n": types.ExplorerSearchDocument,
    "\n  query ExplorerPath($from: ID!, $to: ID!, $includePlanned: Boolean!) {\n    collaborationPath(from: $from, to: $to, includePlanned: $includePlanned, maxHops: 10) {\n      hops\n      people { id displayName nameJa }\n      steps {\n        from { id displayName }\n        to { id displayName }\n        tie {\n          kinds\n          visits { id start status purpose purposeJa to { name shortName } }\n          papers { id title status year }\n          labs { id name }\n        }\n      }\n    }\n  }\n": types.ExplorerPathDocument,
    "\n  query ExplorerVisits($after: String) {\n    visits(first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id start end startEarliest endLatest status scheduleChange fiscalYear kind\n        visitor { id displayName nameJa }\n        to { id name nameJa shortName countryCode }\n      } }\n    }\n  }\n": types.ExplorerVisitsDocument,
    "\n  query ExplorerCirculation($fiscalYear: Int!) {\n    circulation(fiscalYear: $fiscalYear, groupBy: COUNTRY) {\n      period { start end }\n      totals { stays crossBorderStays personMonthsAbroad earlyCareerStayShare participants { people earlyCareer } returnees { people } newTies }\n      planFulfilment { items completed inProgress planned postponed advanced cancelled }\n      pairs { from { code: countryCode name } to { code: countryCode name } stays personMonths }\n    }\n  }\n": types.ExplorerCirculationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerNetwork($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: true }) {\n      nodes { id label country group groupLabel stage earlyCareer degree type }\n      edges { source target kinds weight }\n    }\n    countries { id code name nameJa }\n  }\n"): typeof import('./graphql').ExplorerNetworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerDoneTies($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: false }) {\n      edges { id }\n    }\n  }\n"): typeof import('./graphql').ExplorerDoneTiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerTieEvidence($level: GroupLevel!) {\n    graph(filter: { level: $level, includePlanned: true }) {\n      edges { id visits intervals { start end } }\n    }\n  }\n"): typeof import('./graphql').ExplorerTieEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerJapaneseNames($after: String) {\n    people(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id nameJa familyNameJa } }\n    }\n  }\n"): typeof import('./graphql').ExplorerJapaneseNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerCentrality($level: GroupLevel!, $first: Int!) {\n    brokerage(level: $level, earlyCareerOnly: false, orderBy: BETWEENNESS, first: $first) {\n      person { id }\n      betweenness\n    }\n  }\n"): typeof import('./graphql').ExplorerCentralityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerBridges($level: GroupLevel!, $earlyCareerOnly: Boolean!, $includePlanned: Boolean!) {\n    bridges(level: $level, earlyCareerOnly: $earlyCareerOnly, includePlanned: $includePlanned, first: 200) {\n      person { id displayName name nameJa }\n      careerStage\n      pairs { structuralHole a { group { id name level resolvedLevel } } b { group { id name level resolvedLevel } } }\n    }\n  }\n"): typeof import('./graphql').ExplorerBridgesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerPerson($id: ID!, $level: GroupLevel!) {\n    person(id: $id) {\n      id displayName name nameJa familyNameJa title careerStage earlyCareer placeholder cohort headcount programRole\n      labs { role roleJa lab { id name nameJa institution { id name nameJa shortName countryCode } } }\n      affiliations { role roleJa institution { id name nameJa shortName countryCode placeholder } }\n      visits {\n        id start end status scheduleChange purpose purposeJa\n        to { id name nameJa shortName countryCode placeholder }\n        lab { id name nameJa }\n        hosts { id displayName }\n      }\n      papers { id title titleJa status year }\n      sources { field reading canonical source { id quote section document lang } }\n    }\n    brokerage(people: [$id], level: $level, earlyCareerOnly: false) { betweenness constraint effectiveSize degree }\n  }\n"): typeof import('./graphql').ExplorerPersonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerGroup($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Lab { name nameJa institution { name nameJa countryCode } head { id displayName }\n        members { person { id displayName } role } sources { field reading canonical source { id quote section document lang } } }\n      ... on Institution { name nameJa shortName countryCode placeholder\n        labs { id name } affiliates { id displayName } sources { field reading canonical source { id quote section document lang } } }\n      ... on Country { name nameJa code }\n    }\n  }\n"): typeof import('./graphql').ExplorerGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerSearch($text: String!) {\n    search(text: $text, first: 12) {\n      score\n      node {\n        id\n        ... on Person { displayName nameJa }\n        ... on Institution { name nameJa shortName }\n        ... on Lab { name nameJa }\n        ... on Theme { name nameJa }\n        ... on Material { name nameJa }\n        ... on Paper { title }\n        ... on Event { name nameJa }\n        ... on Country { name nameJa }\n      }\n    }\n  }\n"): typeof import('./graphql').ExplorerSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerPath($from: ID!, $to: ID!, $includePlanned: Boolean!) {\n    collaborationPath(from: $from, to: $to, includePlanned: $includePlanned, maxHops: 10) {\n      hops\n      people { id displayName nameJa }\n      steps {\n        from { id displayName }\n        to { id displayName }\n        tie {\n          kinds\n          visits { id start status purpose purposeJa to { name shortName } }\n          papers { id title status year }\n          labs { id name }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExplorerPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerVisits($after: String) {\n    visits(first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id start end startEarliest endLatest status scheduleChange fiscalYear kind\n        visitor { id displayName nameJa }\n        to { id name nameJa shortName countryCode }\n      } }\n    }\n  }\n"): typeof import('./graphql').ExplorerVisitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerCirculation($fiscalYear: Int!) {\n    circulation(fiscalYear: $fiscalYear, groupBy: COUNTRY) {\n      period { start end }\n      totals { stays crossBorderStays personMonthsAbroad earlyCareerStayShare participants { people earlyCareer } returnees { people } newTies }\n      planFulfilment { items completed inProgress planned postponed advanced cancelled }\n      pairs { from { code: countryCode name } to { code: countryCode name } stays personMonths }\n    }\n  }\n"): typeof import('./graphql').ExplorerCirculationDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
