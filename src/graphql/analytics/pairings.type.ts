import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { GroupLevel } from '../../domain/enums';
import { GroupLevelEnum } from '../common/enums';
import { CollaborationTie, NetworkGroup } from './analytics.type';
import { NetworkPeriodSummary } from './period.type';

/**
 * GraphQL shapes of suggested pairings (src/analytics/pairings, docs/metrics.md "Suggested
 * pairings"). People, themes and materials are resolved through the request's loaders
 * (pairings.resolver.ts); every number comes with the ids of the records behind it.
 */
@ObjectType({ description: 'Burt’s constraint and effective size of one person (weighted, as NetworkX) without the suggested tie and with it (weight 1: one visit).' })
export class StructuralHoleChange {
  @Field(() => Float, { nullable: true, description: 'null without ties.' })
  constraintBefore!: number | null;

  @Field(() => Float, { nullable: true })
  constraintAfter!: number | null;

  @Field(() => Float, { nullable: true, description: 'null without ties.' })
  effectiveSizeBefore!: number | null;

  @Field(() => Float, { nullable: true })
  effectiveSizeAfter!: number | null;
}

@ObjectType({ description: 'A person tied to both: the two ties with their evidence.' })
export class SharedNeighbour {
  personId!: string;

  @Field(() => CollaborationTie, { description: 'The tie of the suggestion’s person to this neighbour (`tie.person` is the neighbour).' })
  personTie!: CollaborationTie;

  @Field(() => CollaborationTie, { description: 'The candidate’s tie to this neighbour.' })
  candidateTie!: CollaborationTie;
}

@ObjectType({ description: 'A theme or material both people have, with the records that show it for each.' })
export class SharedInterest {
  @Field(() => ID, { description: 'The theme or material id (resolved by `theme` / `material`).' })
  id!: string;

  @Field(() => [ID], { description: 'Records showing it for the person: a visit made or hosted, a paper, a transfer received, the theme itself (LEADS / WORKS_ON), or a material about the theme.' })
  personEvidence!: string[];

  @Field(() => [ID])
  candidateEvidence!: string[];
}

@ObjectType({ description: 'The three parts of the combined score, each in [0, 1] (docs/metrics.md).' })
export class PairingScoreParts {
  @Field(() => Float, { description: '1 − exp(−Adamic–Adar).' })
  closure!: number;

  @Field(() => Float, { description: 'Jaccard overlap of themes and materials.' })
  topics!: number;

  @Field(() => Float, { description: 'Relative fall of the person’s constraint (between two groups: mean of both people’s); 1 for someone with no tie yet.' })
  hole!: number;
}

@ObjectType({ description: 'The weights of the combined score: fixed, documented, not fitted to any evaluation.' })
export class PairingWeights {
  @Field(() => Float)
  closure!: number;

  @Field(() => Float)
  topics!: number;

  @Field(() => Float)
  hole!: number;
}

@ObjectType({ description: 'A suggested pairing: the person, a candidate in another group, and the reasons.' })
export class PairingSuggestion {
  personId!: string;
  candidateId!: string;

  @Field(() => Float, { description: 'Combined score: weights · parts.' })
  score!: number;

  @Field(() => PairingScoreParts)
  parts!: PairingScoreParts;

  @Field(() => [NetworkGroup], { description: 'The person’s groups at the level.' })
  personGroups!: NetworkGroup[];

  @Field(() => [NetworkGroup], { description: 'The candidate’s groups at the level (none shared with the person’s).' })
  candidateGroups!: NetworkGroup[];

  @Field(() => StructuralHoleChange, { description: 'The person’s constraint and effective size before and after the tie.' })
  personChange!: StructuralHoleChange;

  @Field(() => StructuralHoleChange, { description: 'The candidate’s, likewise.' })
  candidateChange!: StructuralHoleChange;

  @Field(() => Int, { description: 'Common neighbours (NetworkX common_neighbors).' })
  commonNeighbours!: number;

  @Field(() => Float, { description: 'Adamic–Adar index, unweighted (NetworkX adamic_adar_index).' })
  adamicAdar!: number;

  @Field(() => Float, { description: 'Resource allocation index, unweighted (NetworkX resource_allocation_index).' })
  resourceAllocation!: number;

  @Field(() => [SharedNeighbour], { description: 'The common neighbours, by id, with both ties’ evidence.' })
  sharedNeighbours!: SharedNeighbour[];

  @Field(() => [SharedInterest], { description: 'Themes both have, by id.' })
  sharedThemes!: SharedInterest[];

  @Field(() => [SharedInterest], { description: 'Materials both have, by id.' })
  sharedMaterials!: SharedInterest[];
}

@ObjectType({ description: 'Suggested pairings, best first (ties by person then candidate id).' })
export class PairingSuggestions {
  @Field(() => NetworkPeriodSummary, { nullable: true, description: 'The day the network was taken on (with `asOf` / `fiscalYear`; null: the whole graph). Ties, constraint and shared themes and materials are all as of that day.' })
  period!: NetworkPeriodSummary | null;

  @Field(() => GroupLevelEnum)
  level!: GroupLevel;

  @Field(() => Int, { description: 'Candidates (or pairs) scored before `first` cut the list.' })
  candidates!: number;

  @Field(() => PairingWeights)
  weights!: PairingWeights;

  @Field(() => [PairingSuggestion])
  suggestions!: PairingSuggestion[];
}
