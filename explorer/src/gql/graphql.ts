/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Career stage as the source states it; UNKNOWN when it does not ("Dr." is a title, not a stage). */
export type CareerStage =
  | 'ASSISTANT_PROFESSOR'
  | 'ASSOCIATE_PROFESSOR'
  | 'GRADUATE_STUDENT'
  | 'LECTURER'
  | 'POSTDOC'
  | 'PROFESSOR'
  | 'RESEARCHER'
  | 'SENIOR_RESEARCHER'
  | 'UNKNOWN';

export type GraphViewNodeType =
  | 'LAB'
  | 'PERSON';

/** The grouping used by network and circulation measures. */
export type GroupLevel =
  | 'COUNTRY'
  | 'INSTITUTION'
  | 'LAB';

export type PaperStatus =
  | 'IN_PREPARATION'
  | 'PLANNED'
  | 'PUBLISHED'
  | 'SUBMITTED';

/** PI = 研究代表者, CO_PI = 主たる共同研究者. */
export type ProgramRole =
  | 'CO_PI'
  | 'MEMBER'
  | 'PI';

/** POSTPONED to the next fiscal year (grey in the report chart) or ADVANCED into this one (blue). */
export type ScheduleChange =
  | 'ADVANCED'
  | 'NONE'
  | 'POSTPONED';

/** What a collaboration tie rests on: a visit (visitor–host or visitor–head of the host lab), a paper, a lab both belong to. */
export type TieKind =
  | 'COAUTHORSHIP'
  | 'SHARED_LAB'
  | 'VISIT';

export type VisitKind =
  | 'CONFERENCE'
  | 'INVITATION'
  | 'SHORT_VISIT'
  | 'STAY';

export type VisitStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'PLANNED';

export type ExplorerNetworkQueryVariables = Exact<{
  level: GroupLevel;
}>;


export type ExplorerNetworkQuery = { graph: { nodes: Array<{ id: string, label: string, country: string | null, group: string | null, groupLabel: string | null, stage: CareerStage | null, earlyCareer: boolean | null, degree: number, type: GraphViewNodeType }>, edges: Array<{ source: string, target: string, kinds: Array<TieKind>, weight: number }> }, countries: Array<{ id: string, code: string, name: string, nameJa: string | null }> };

export type ExplorerDoneTiesQueryVariables = Exact<{
  level: GroupLevel;
}>;


export type ExplorerDoneTiesQuery = { graph: { edges: Array<{ id: string }> } };

export type ExplorerTieEvidenceQueryVariables = Exact<{
  level: GroupLevel;
}>;


export type ExplorerTieEvidenceQuery = { graph: { edges: Array<{ id: string, visits: Array<string>, intervals: Array<{ start: string | null, end: string | null }> | null }> } };

export type ExplorerJapaneseNamesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ExplorerJapaneseNamesQuery = { people: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, nameJa: string | null, familyNameJa: string | null } }> } };

export type ExplorerCentralityQueryVariables = Exact<{
  level: GroupLevel;
  first: number;
}>;


export type ExplorerCentralityQuery = { brokerage: Array<{ betweenness: number, person: { id: string } }> };

export type ExplorerBridgesQueryVariables = Exact<{
  level: GroupLevel;
  earlyCareerOnly: boolean;
  includePlanned: boolean;
}>;


export type ExplorerBridgesQuery = { bridges: Array<{ careerStage: CareerStage, person: { id: string, displayName: string, name: string | null, nameJa: string | null }, pairs: Array<{ structuralHole: boolean, a: { group: { id: string, name: string, level: GroupLevel, resolvedLevel: GroupLevel } }, b: { group: { id: string, name: string, level: GroupLevel, resolvedLevel: GroupLevel } } }> }> };

export type ExplorerPersonQueryVariables = Exact<{
  id: string | number;
  level: GroupLevel;
}>;


export type ExplorerPersonQuery = { person: { id: string, displayName: string, name: string | null, nameJa: string | null, familyNameJa: string | null, title: string | null, careerStage: CareerStage, earlyCareer: boolean | null, placeholder: boolean, cohort: string | null, headcount: number | null, programRole: ProgramRole | null, labs: Array<{ role: string | null, roleJa: string | null, lab: { id: string, name: string, nameJa: string | null, institution: { id: string, name: string, nameJa: string | null, shortName: string | null, countryCode: string } | null } }>, affiliations: Array<{ role: string | null, roleJa: string | null, institution: { id: string, name: string, nameJa: string | null, shortName: string | null, countryCode: string, placeholder: boolean } }>, visits: Array<{ id: string, start: string | null, end: string | null, status: VisitStatus, scheduleChange: ScheduleChange, purpose: string, purposeJa: string | null, to: { id: string, name: string, nameJa: string | null, shortName: string | null, countryCode: string, placeholder: boolean } | null, lab: { id: string, name: string, nameJa: string | null } | null, hosts: Array<{ id: string, displayName: string }> }>, papers: Array<{ id: string, title: string, titleJa: string | null, status: PaperStatus, year: number | null }>, sources: Array<{ field: string | null, reading: string | null, canonical: boolean | null, source: { id: string, quote: string, section: string, document: string, lang: string } }> } | null, brokerage: Array<{ betweenness: number, constraint: number | null, effectiveSize: number | null, degree: number }> };

export type ExplorerGroupQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerGroupQuery = { node:
    | { name: string, nameJa: string | null, code: string, id: string }
    | { id: string }
    | { name: string, nameJa: string | null, shortName: string | null, countryCode: string, placeholder: boolean, id: string, labs: Array<{ id: string, name: string }>, affiliates: Array<{ id: string, displayName: string }>, sources: Array<{ field: string | null, reading: string | null, canonical: boolean | null, source: { id: string, quote: string, section: string, document: string, lang: string } }> }
    | { name: string, nameJa: string | null, id: string, institution: { name: string, nameJa: string | null, countryCode: string } | null, head: { id: string, displayName: string } | null, members: Array<{ role: string | null, person: { id: string, displayName: string } }>, sources: Array<{ field: string | null, reading: string | null, canonical: boolean | null, source: { id: string, quote: string, section: string, document: string, lang: string } }> }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
}>;


export type ExplorerSearchQuery = { search: Array<{ score: number, node:
      | { name: string, nameJa: string | null, id: string }
      | { name: string, nameJa: string | null, id: string }
      | { name: string, nameJa: string | null, shortName: string | null, id: string }
      | { name: string, nameJa: string | null, id: string }
      | { name: string, nameJa: string | null, id: string }
      | { title: string, id: string }
      | { displayName: string, nameJa: string | null, id: string }
      | { id: string }
      | { name: string, nameJa: string | null, id: string }
      | { id: string }
      | { id: string }
     }> };

export type ExplorerPathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  includePlanned: boolean;
}>;


export type ExplorerPathQuery = { collaborationPath: { hops: number, people: Array<{ id: string, displayName: string, nameJa: string | null }>, steps: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, tie: { kinds: Array<TieKind>, visits: Array<{ id: string, start: string | null, status: VisitStatus, purpose: string, purposeJa: string | null, to: { name: string, shortName: string | null } | null }>, papers: Array<{ id: string, title: string, status: PaperStatus, year: number | null }>, labs: Array<{ id: string, name: string }> } }> } | null };

export type ExplorerVisitsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ExplorerVisitsQuery = { visits: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, start: string | null, end: string | null, startEarliest: string | null, endLatest: string | null, status: VisitStatus, scheduleChange: ScheduleChange, fiscalYear: number | null, kind: VisitKind, visitor: { id: string, displayName: string, nameJa: string | null } | null, to: { id: string, name: string, nameJa: string | null, shortName: string | null, countryCode: string } | null } }> } };

export type ExplorerCirculationQueryVariables = Exact<{
  fiscalYear: number;
}>;


export type ExplorerCirculationQuery = { circulation: { period: { start: string, end: string }, totals: { stays: number, crossBorderStays: number, personMonthsAbroad: number, earlyCareerStayShare: number | null, newTies: number, participants: { people: number, earlyCareer: number }, returnees: { people: number } }, planFulfilment: { items: number, completed: number, inProgress: number, planned: number, postponed: number, advanced: number, cancelled: number }, pairs: Array<{ stays: number, personMonths: number, from: { name: string, code: string | null }, to: { name: string, code: string | null } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ExplorerNetworkDocument = new TypedDocumentString(`
    query ExplorerNetwork($level: GroupLevel!) {
  graph(filter: {level: $level, includePlanned: true}) {
    nodes {
      id
      label
      country
      group
      groupLabel
      stage
      earlyCareer
      degree
      type
    }
    edges {
      source
      target
      kinds
      weight
    }
  }
  countries {
    id
    code
    name
    nameJa
  }
}
    `) as unknown as TypedDocumentString<ExplorerNetworkQuery, ExplorerNetworkQueryVariables>;
export const ExplorerDoneTiesDocument = new TypedDocumentString(`
    query ExplorerDoneTies($level: GroupLevel!) {
  graph(filter: {level: $level, includePlanned: false}) {
    edges {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerDoneTiesQuery, ExplorerDoneTiesQueryVariables>;
export const ExplorerTieEvidenceDocument = new TypedDocumentString(`
    query ExplorerTieEvidence($level: GroupLevel!) {
  graph(filter: {level: $level, includePlanned: true}) {
    edges {
      id
      visits
      intervals {
        start
        end
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerTieEvidenceQuery, ExplorerTieEvidenceQueryVariables>;
export const ExplorerJapaneseNamesDocument = new TypedDocumentString(`
    query ExplorerJapaneseNames($after: String) {
  people(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        nameJa
        familyNameJa
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerJapaneseNamesQuery, ExplorerJapaneseNamesQueryVariables>;
export const ExplorerCentralityDocument = new TypedDocumentString(`
    query ExplorerCentrality($level: GroupLevel!, $first: Int!) {
  brokerage(
    level: $level
    earlyCareerOnly: false
    orderBy: BETWEENNESS
    first: $first
  ) {
    person {
      id
    }
    betweenness
  }
}
    `) as unknown as TypedDocumentString<ExplorerCentralityQuery, ExplorerCentralityQueryVariables>;
export const ExplorerBridgesDocument = new TypedDocumentString(`
    query ExplorerBridges($level: GroupLevel!, $earlyCareerOnly: Boolean!, $includePlanned: Boolean!) {
  bridges(
    level: $level
    earlyCareerOnly: $earlyCareerOnly
    includePlanned: $includePlanned
    first: 200
  ) {
    person {
      id
      displayName
      name
      nameJa
    }
    careerStage
    pairs {
      structuralHole
      a {
        group {
          id
          name
          level
          resolvedLevel
        }
      }
      b {
        group {
          id
          name
          level
          resolvedLevel
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerBridgesQuery, ExplorerBridgesQueryVariables>;
export const ExplorerPersonDocument = new TypedDocumentString(`
    query ExplorerPerson($id: ID!, $level: GroupLevel!) {
  person(id: $id) {
    id
    displayName
    name
    nameJa
    familyNameJa
    title
    careerStage
    earlyCareer
    placeholder
    cohort
    headcount
    programRole
    labs {
      role
      roleJa
      lab {
        id
        name
        nameJa
        institution {
          id
          name
          nameJa
          shortName
          countryCode
        }
      }
    }
    affiliations {
      role
      roleJa
      institution {
        id
        name
        nameJa
        shortName
        countryCode
        placeholder
      }
    }
    visits {
      id
      start
      end
      status
      scheduleChange
      purpose
      purposeJa
      to {
        id
        name
        nameJa
        shortName
        countryCode
        placeholder
      }
      lab {
        id
        name
        nameJa
      }
      hosts {
        id
        displayName
      }
    }
    papers {
      id
      title
      titleJa
      status
      year
    }
    sources {
      field
      reading
      canonical
      source {
        id
        quote
        section
        document
        lang
      }
    }
  }
  brokerage(people: [$id], level: $level, earlyCareerOnly: false) {
    betweenness
    constraint
    effectiveSize
    degree
  }
}
    `) as unknown as TypedDocumentString<ExplorerPersonQuery, ExplorerPersonQueryVariables>;
export const ExplorerGroupDocument = new TypedDocumentString(`
    query ExplorerGroup($id: ID!) {
  node(id: $id) {
    id
    ... on Lab {
      name
      nameJa
      institution {
        name
        nameJa
        countryCode
      }
      head {
        id
        displayName
      }
      members {
        person {
          id
          displayName
        }
        role
      }
      sources {
        field
        reading
        canonical
        source {
          id
          quote
          section
          document
          lang
        }
      }
    }
    ... on Institution {
      name
      nameJa
      shortName
      countryCode
      placeholder
      labs {
        id
        name
      }
      affiliates {
        id
        displayName
      }
      sources {
        field
        reading
        canonical
        source {
          id
          quote
          section
          document
          lang
        }
      }
    }
    ... on Country {
      name
      nameJa
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerGroupQuery, ExplorerGroupQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($text: String!) {
  search(text: $text, first: 12) {
    score
    node {
      id
      ... on Person {
        displayName
        nameJa
      }
      ... on Institution {
        name
        nameJa
        shortName
      }
      ... on Lab {
        name
        nameJa
      }
      ... on Theme {
        name
        nameJa
      }
      ... on Material {
        name
        nameJa
      }
      ... on Paper {
        title
      }
      ... on Event {
        name
        nameJa
      }
      ... on Country {
        name
        nameJa
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerPathDocument = new TypedDocumentString(`
    query ExplorerPath($from: ID!, $to: ID!, $includePlanned: Boolean!) {
  collaborationPath(
    from: $from
    to: $to
    includePlanned: $includePlanned
    maxHops: 10
  ) {
    hops
    people {
      id
      displayName
      nameJa
    }
    steps {
      from {
        id
        displayName
      }
      to {
        id
        displayName
      }
      tie {
        kinds
        visits {
          id
          start
          status
          purpose
          purposeJa
          to {
            name
            shortName
          }
        }
        papers {
          id
          title
          status
          year
        }
        labs {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPathQuery, ExplorerPathQueryVariables>;
export const ExplorerVisitsDocument = new TypedDocumentString(`
    query ExplorerVisits($after: String) {
  visits(first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        start
        end
        startEarliest
        endLatest
        status
        scheduleChange
        fiscalYear
        kind
        visitor {
          id
          displayName
          nameJa
        }
        to {
          id
          name
          nameJa
          shortName
          countryCode
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerVisitsQuery, ExplorerVisitsQueryVariables>;
export const ExplorerCirculationDocument = new TypedDocumentString(`
    query ExplorerCirculation($fiscalYear: Int!) {
  circulation(fiscalYear: $fiscalYear, groupBy: COUNTRY) {
    period {
      start
      end
    }
    totals {
      stays
      crossBorderStays
      personMonthsAbroad
      earlyCareerStayShare
      participants {
        people
        earlyCareer
      }
      returnees {
        people
      }
      newTies
    }
    planFulfilment {
      items
      completed
      inProgress
      planned
      postponed
      advanced
      cancelled
    }
    pairs {
      from {
        code: countryCode
        name
      }
      to {
        code: countryCode
        name
      }
      stays
      personMonths
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerCirculationQuery, ExplorerCirculationQueryVariables>;