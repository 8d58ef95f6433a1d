import type Graph from 'graphology';
import circlepack from 'graphology-layout/circlepack';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import { EdgeDashedProgram } from './dashedEdge';
import type { EdgeAttrs, NodeAttrs } from './model';
import { DIMMED, HIGHLIGHT } from './palette';

/**
 * A seeded random source (mulberry32), so the same data gives the same picture on every load
 * and a shared link shows what its sender saw; Math.random cannot be seeded.
 */
function seededRandom(seed = 20240401): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to this many nodes the layout runs synchronously (see `lay`); above, in a web worker. */
const SYNC_LAYOUT_MAX = 400;

/** What the renderer asks the app for each frame (filters and highlights live in the app's state). */
export interface Lens {
  nodeVisible(id: string, attrs: NodeAttrs): boolean;
  edgeVisible(id: string, attrs: EdgeAttrs): boolean;
  /** Ids to emphasize (selection, bridges, a path); everything else is dimmed when non-empty. */
  focus(): ReadonlySet<string>;
  focusEdges(): ReadonlySet<string>;
  selected(): string | null;
}

/**
 * The sigma.js (WebGL) view of one graphology graph, laid out by ForceAtlas2 in a web worker
 * (the page keeps answering clicks while it runs). Starts from a circle packing by country and
 * group, so people of one group start together and the layout settles fast.
 */
export class NetworkView {
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private layout: FA2Layout | null = null;
  private layoutTimer: number | undefined;
  onLayoutChange: (running: boolean) => void = () => {};

  /** Kept here because sigma calls the reducers from its constructor, before `this.sigma` is set. */
  private current: Graph<NodeAttrs, EdgeAttrs>;

  constructor(container: HTMLElement, graph: Graph<NodeAttrs, EdgeAttrs>, private readonly lens: Lens) {
    this.current = graph;
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram, dashed: EdgeDashedProgram },
      labelRenderedSizeThreshold: graph.order > 300 ? 8 : 0,
      // Small networks show every label that fits (sigma hides labels that would collide).
      labelDensity: graph.order > 300 ? 0.4 : 4,
      labelGridCellSize: graph.order > 300 ? 100 : 50,
      labelFont: 'system-ui, "IPAGothic", sans-serif',
      zIndex: true,
      stagePadding: 90,
      minEdgeThickness: 1,
      nodeReducer: (id, a) => this.reduceNode(id, a as NodeAttrs),
      edgeReducer: (id, a) => this.reduceEdge(id, a as EdgeAttrs),
    });
    this.overlay = document.createElement('canvas');
    this.overlay.className = 'group-labels';
    container.append(this.overlay);
    this.sigma.on('afterRender', () => this.drawGroupLabels());
    this.lay(graph);
  }

  private readonly overlay: HTMLCanvasElement;

  /**
   * The people's groups (lab, institution or country at the chosen level) named above each
   * cluster, on a canvas over sigma's: sigma labels nodes, not sets of them. Only groups whose
   * people sit together get a label (a group scattered over the view has no place to name it);
   * none in the grouped view (groups are nodes there) or when there are too many groups to read.
   */
  private drawGroupLabels(): void {
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (this.overlay.width !== width * ratio || this.overlay.height !== height * ratio) {
      Object.assign(this.overlay, { width: width * ratio, height: height * ratio });
      Object.assign(this.overlay.style, { width: `${width}px`, height: `${height}px` });
    }
    const ctx = this.overlay.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const groups = new Map<string, { label: string; x: number; y: number; xx: number; yy: number; top: number; n: number }>();
    let grouped = false;
    this.current.forEachNode((id, a) => {
      if (a.kind === 'group') grouped = true;
      if (a.kind !== 'person' || !a.group || !this.lens.nodeVisible(id, a)) return;
      const display = this.sigma.getNodeDisplayData(id);
      if (!display) return;
      const p = this.sigma.framedGraphToViewport(display);
      const g = groups.get(a.group) ?? { label: a.groupLabel ?? a.group, x: 0, y: 0, xx: 0, yy: 0, top: Infinity, n: 0 };
      g.x += p.x;
      g.y += p.y;
      g.xx += p.x * p.x;
      g.yy += p.y * p.y;
      g.top = Math.min(g.top, p.y - this.sigma.scaleSize(display.size));
      g.n += 1;
      groups.set(a.group, g);
    });
    if (grouped || groups.size > 40) return;
    ctx.font = '600 12px system-ui, "IPAGothic", sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = 'rgba(60, 60, 60, 0.55)';
    const spread = (g: { x: number; y: number; xx: number; yy: number; n: number }) => Math.sqrt(Math.max(0, g.xx / g.n - (g.x / g.n) ** 2 + g.yy / g.n - (g.y / g.n) ** 2));
    for (const g of groups.values()) if (g.n >= 2 && spread(g) < 70) ctx.fillText(g.label.length > 30 ? `${g.label.slice(0, 29)}…` : g.label, g.x / g.n, g.top - 8);
  }

  /** Shows another graph (another level, filters in the grouped view, an opened group). */
  setGraph(graph: Graph<NodeAttrs, EdgeAttrs>, keepPositionsFrom?: Graph<NodeAttrs, EdgeAttrs>): void {
    this.stopLayout();
    this.current = graph;
    this.sigma.setGraph(graph);
    this.sigma.setSetting('labelRenderedSizeThreshold', graph.order > 300 ? 8 : 0);
    this.lay(graph, keepPositionsFrom);
  }

  get graph(): Graph<NodeAttrs, EdgeAttrs> {
    return this.current;
  }

  refresh(): void {
    this.sigma.refresh({ skipIndexation: true });
  }

  layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /** Centres the camera on a node. */
  focusNode(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const display = this.sigma.getNodeDisplayData(id);
    if (display) void this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.6 }, { duration: 400 });
  }

  kill(): void {
    this.stopLayout();
    this.sigma.kill();
  }

  private lay(graph: Graph<NodeAttrs, EdgeAttrs>, previous?: Graph<NodeAttrs, EdgeAttrs>): void {
    if (graph.order === 0) return;
    const rng = seededRandom();
    circlepack.assign(graph, { hierarchyAttributes: ['country', 'group'], rng });
    if (previous) placeNearPrevious(graph, previous, rng);
    // inferSettings: strong gravity for any size, Barnes-Hut above 2000 nodes; twice its
    // repulsion keeps the labels of small networks apart.
    const inferred = forceAtlas2.inferSettings(graph);
    const settings = { ...inferred, scalingRatio: (inferred.scalingRatio ?? 10) * 2, adjustSizes: graph.order <= SYNC_LAYOUT_MAX };
    if (graph.order <= SYNC_LAYOUT_MAX) {
      // A few hundred nodes settle in a few milliseconds on the main thread, whatever else the
      // machine is doing; a worker would only make the first frames wobble.
      forceAtlas2.assign(graph, { iterations: 600, settings });
      return;
    }
    this.layout = new FA2Layout(graph, { settings });
    this.layout.start();
    this.onLayoutChange(true);
    // Long enough to settle; the worker keeps the page responsive meanwhile.
    const ms = Math.min(8000, 2000 + graph.order * 0.5);
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), ms);
  }

  private stopLayout(): void {
    window.clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
      this.onLayoutChange(false);
    }
  }

  private reduceNode(id: string, a: NodeAttrs): Partial<NodeAttrs & { hidden: boolean; highlighted: boolean; zIndex: number; forceLabel: boolean }> {
    if (!this.lens.nodeVisible(id, a)) return { ...a, hidden: true };
    const focus = this.lens.focus();
    const selected = this.lens.selected() === id;
    if (focus.size === 0) return { ...a, highlighted: selected, zIndex: selected ? 2 : 1 };
    if (focus.has(id)) return { ...a, highlighted: selected, zIndex: 2, forceLabel: true };
    return { ...a, color: DIMMED, label: '', zIndex: 0 };
  }

  private reduceEdge(id: string, a: EdgeAttrs): Partial<EdgeAttrs & { hidden: boolean; zIndex: number }> {
    const graph = this.graph;
    const [s, t] = graph.extremities(id);
    if (!this.lens.edgeVisible(id, a) || !this.lens.nodeVisible(s, graph.getNodeAttributes(s)) || !this.lens.nodeVisible(t, graph.getNodeAttributes(t)))
      return { ...a, hidden: true };
    const focusEdges = this.lens.focusEdges();
    if (this.lens.focus().size === 0) return a;
    if (focusEdges.has(id)) return { ...a, color: a.tie === 'SHARED_LAB' ? HIGHLIGHT : a.color, size: a.size + 1.5, zIndex: 2 };
    return { ...a, color: DIMMED, zIndex: 0 };
  }
}

/** Nodes that existed in the previous view keep their place; new ones start at their group's. */
function placeNearPrevious(graph: Graph<NodeAttrs, EdgeAttrs>, previous: Graph<NodeAttrs, EdgeAttrs>, rng: () => number): void {
  graph.forEachNode((id, a) => {
    const from = previous.hasNode(id) ? id : a.group && previous.hasNode(a.group) ? a.group : null;
    if (!from) return;
    const p = previous.getNodeAttributes(from);
    const jitter = from === id ? 0 : 20;
    graph.mergeNodeAttributes(id, { x: p.x + (rng() - 0.5) * jitter, y: p.y + (rng() - 0.5) * jitter });
  });
}
