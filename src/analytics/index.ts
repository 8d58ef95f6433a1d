/**
 * Network analytics over the collaboration graph (docs/metrics.md, "Collaboration graph and
 * network measures"). Everything here is a pure, deterministic function of a CollaborationNetwork
 * built from a store's projection; CollaborationCache keeps that network until the data changes.
 */
export { buildCollaborationNetwork, tieKey, type CollaborationNetwork, type CollaborationOptions, type PersonAttributes, type TieAttributes, type TieEvidence } from './collaborationGraph';
export { CollaborationCache, type ProjectionSource } from './cache';
export { bridges, type Bridge, type BridgeOptions, type BridgePair, type BridgeSide, type BridgeTie } from './bridges';
export { brokerage, type BrokerageOptions, type BrokerageProfile, type BrokerageResult, type GouldFernandezCounts } from './brokerage';
export { betweenness, betweennessParallel, type BetweennessMethod, type BetweennessOptions, type BetweennessResult } from './betweenness';
export { collaborationPath, DEFAULT_MAX_HOPS, MAX_PATH_HOPS, type CollaborationPath, type PathStep } from './paths';
export { graphView, neighborhood, MAX_NEIGHBORHOOD_HOPS, type GraphFilter, type GraphView, type ViewEdge, type ViewNode, type ViewOptions } from './graphView';
export { exportGraphView, EXPORT_FORMATS, isExportFormat, type ExportFormat, type ExportedGraph } from './export';
export { csrOf, type Csr } from './csr';
