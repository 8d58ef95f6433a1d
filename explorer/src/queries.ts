import { graphql } from './gql';

/**
 * Every query the explorer sends, typed from schema/schema.graphql by GraphQL Code Generator
 * (explorer/codegen.yml). The explorer uses nothing but this public API.
 */

/**
 * The network, light enough for a first render at 10k people: every person at the chosen level
 * and every tie, planned ones included. Edge ids are the two person ids joined by "--" (the
 * schema's contract), so they are not sent.
 */
export const NetworkQuery = graphql(`
  query ExplorerNetwork($level: GroupLevel!) {
    graph(filter: { level: $level, includePlanned: true }) {
      nodes { id label country group groupLabel stage earlyCareer degree type }
      edges { source target kinds weight }
    }
    countries { id code name nameJa }
  }
`);

/** The ties that stand without planned items (the others are drawn dashed): asked after the first render. */
export const DoneTiesQuery = graphql(`
  query ExplorerDoneTies($level: GroupLevel!) {
    graph(filter: { level: $level, includePlanned: false }) {
      edges { id }
    }
  }
`);

/** When each tie existed and which visits it rests on: asked after the first render (the fiscal-year and status filters need it). */
export const TieEvidenceQuery = graphql(`
  query ExplorerTieEvidence($level: GroupLevel!) {
    graph(filter: { level: $level, includePlanned: true }) {
      edges { id visits intervals { start end } }
    }
  }
`);

/** Names in Japanese script for the node labels when the page is in Japanese (asked only then). */
export const JapaneseNamesQuery = graphql(`
  query ExplorerJapaneseNames($after: String) {
    people(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id nameJa familyNameJa } }
    }
  }
`);

/** Betweenness for node sizes; asked after the first render so it never delays it. */
export const CentralityQuery = graphql(`
  query ExplorerCentrality($level: GroupLevel!, $first: Int!) {
    brokerage(level: $level, earlyCareerOnly: false, orderBy: BETWEENNESS, first: $first) {
      person { id }
      betweenness
    }
  }
`);

export const BridgesQuery = graphql(`
  query ExplorerBridges($level: GroupLevel!, $earlyCareerOnly: Boolean!, $includePlanned: Boolean!) {
    bridges(level: $level, earlyCareerOnly: $earlyCareerOnly, includePlanned: $includePlanned, first: 200) {
      person { id displayName name nameJa }
      careerStage
      pairs { structuralHole a { group { id name level resolvedLevel } } b { group { id name level resolvedLevel } } }
    }
  }
`);

export const PersonDetailsQuery = graphql(`
  query ExplorerPerson($id: ID!, $level: GroupLevel!) {
    person(id: $id) {
      id displayName name nameJa familyNameJa title careerStage earlyCareer placeholder cohort headcount programRole
      labs { role roleJa lab { id name nameJa institution { id name nameJa shortName countryCode } } }
      affiliations { role roleJa institution { id name nameJa shortName countryCode placeholder } }
      visits {
        id start end status scheduleChange purpose purposeJa
        to { id name nameJa shortName countryCode placeholder }
        lab { id name nameJa }
        hosts { id displayName }
      }
      papers { id title titleJa status year }
      sources { field reading canonical source { id quote section document lang } }
    }
    brokerage(people: [$id], level: $level, earlyCareerOnly: false) { betweenness constraint effectiveSize degree }
  }
`);

export const GroupDetailsQuery = graphql(`
  query ExplorerGroup($id: ID!) {
    node(id: $id) {
      id
      ... on Lab { name nameJa institution { name nameJa countryCode } head { id displayName }
        members { person { id displayName } role } sources { field reading canonical source { id quote section document lang } } }
      ... on Institution { name nameJa shortName countryCode placeholder
        labs { id name } affiliates { id displayName } sources { field reading canonical source { id quote section document lang } } }
      ... on Country { name nameJa code }
    }
  }
`);

export const SearchQuery = graphql(`
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 12) {
      score
      node {
        id
        ... on Person { displayName nameJa }
        ... on Institution { name nameJa shortName }
        ... on Lab { name nameJa }
        ... on Theme { name nameJa }
        ... on Material { name nameJa }
        ... on Paper { title }
        ... on Event { name nameJa }
        ... on Country { name nameJa }
      }
    }
  }
`);

export const PathQuery = graphql(`
  query ExplorerPath($from: ID!, $to: ID!, $includePlanned: Boolean!) {
    collaborationPath(from: $from, to: $to, includePlanned: $includePlanned, maxHops: 10) {
      hops
      people { id displayName nameJa }
      steps {
        from { id displayName }
        to { id displayName }
        tie {
          kinds
          visits { id start status purpose purposeJa to { name shortName } }
          papers { id title status year }
          labs { id name }
        }
      }
    }
  }
`);

export const VisitsQuery = graphql(`
  query ExplorerVisits($after: String) {
    visits(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id start end startEarliest endLatest status scheduleChange fiscalYear kind
        visitor { id displayName nameJa }
        to { id name nameJa shortName countryCode }
      } }
    }
  }
`);

export const CirculationQuery = graphql(`
  query ExplorerCirculation($fiscalYear: Int!) {
    circulation(fiscalYear: $fiscalYear, groupBy: COUNTRY) {
      period { start end }
      totals { stays crossBorderStays personMonthsAbroad earlyCareerStayShare participants { people earlyCareer } returnees { people } newTies }
      planFulfilment { items completed inProgress planned postponed advanced cancelled }
      pairs { from { code: countryCode name } to { code: countryCode name } stays personMonths }
    }
  }
`);
